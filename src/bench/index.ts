import { schedulerBench, transitionBench } from './engine-bench';
import { appBench } from './app-bench';
import { largestRunsBench, pollingHourBench, traceMemoryBench } from './lesson-bench';
import { hardenRealm } from '../sandbox/realm';
import { shardingScaleBench } from './sharding-bench';
import { suggestionsBench } from './suggestions';

/**
 * `npm run bench`: engine and lesson figures. Every target is a ratio measured in
 * the same run, because the machines are shared and absolute times are noisy.
 */
export async function main(): Promise<number> {
  const print = (lines: string[]) => lines.forEach((l) => console.log(l));
  const only = process.argv.find((a) => a.startsWith('--lesson='))?.slice('--lesson='.length);
  if (process.argv.includes('--largest')) {
    // As in the worker: learner code runs on a locked-down realm.
    hardenRealm();
    print(await largestRunsBench(only));
    if (!only || only === 'sharding-routers') print(await shardingScaleBench());
    return 0;
  }
  if (process.argv.includes('--suggestions')) {
    hardenRealm();
    print(await suggestionsBench(only));
    return 0;
  }
  print(schedulerBench());
  print(transitionBench());
  print(traceMemoryBench());
  if (!process.argv.includes('--no-app')) print(await appBench());
  if (!process.argv.includes('--quick')) print(await pollingHourBench());
  if (!process.argv.includes('--quick')) print(await largestRunsBench(only));
  if (!process.argv.includes('--quick')) print(await shardingScaleBench());
  return 0;
}
