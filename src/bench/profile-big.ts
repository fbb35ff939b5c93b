import { performance } from 'node:perf_hooks';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { hardenRealm } from '../sandbox/realm';

/** `node scripts/run-ts.mjs src/bench/profile-big.ts [durationMs] [trace]`: the benchmark case, for profiling. */
export async function main(args: string[]): Promise<number> {
  if (args[2] !== 'nolock') hardenRealm();
  const lesson = (await loadLesson('polling'))!;
  const durationMs = Number(args[0] ?? 360_000);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = runLesson(
    lesson,
    { lessonId: 'polling', params: { clients: 1000, durationMs }, seed: 1, faults: [] },
    { trace: args[1] === 'trace', workBudget: Infinity },
  );
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage(c0);
  console.log(
    `${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu, ${r.metrics.requests} requests, trace ${r.trace.length}, rss ${(mem.rss / 1e6).toFixed(0)} MB`,
  );
  return 0;
}
