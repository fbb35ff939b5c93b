import { schedulerBench, transitionBench } from './engine-bench';
import { appBench } from './app-bench';
import { pollingHourBench, traceMemoryBench } from './lesson-bench';

/**
 * `npm run bench`: engine and lesson figures. Every target is a ratio measured in
 * the same run, because the machines are shared and absolute times are noisy.
 */
export async function main(): Promise<number> {
  const print = (lines: string[]) => lines.forEach((l) => console.log(l));
  print(schedulerBench());
  print(transitionBench());
  print(traceMemoryBench());
  if (!process.argv.includes('--no-app')) print(await appBench());
  if (!process.argv.includes('--quick')) print(await pollingHourBench());
  return 0;
}
