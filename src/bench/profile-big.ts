import { performance } from 'node:perf_hooks';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { hardenRealm } from '../sandbox/realm';

/**
 * `node scripts/run-ts.mjs src/bench/profile-big.ts [lesson] [knob=value ...] [trace] [nolock]`: one
 * large run with the work budget lifted, for profiling (`node --cpu-prof ...`). Default: the
 * benchmark case, polling with 1,000 clients for 6 virtual minutes.
 */
export async function main(args: string[]): Promise<number> {
  if (!args.includes('nolock')) hardenRealm();
  const id = args[0] && !args[0].includes('=') ? args[0] : 'polling';
  const params: Record<string, string | number> =
    id === 'polling' ? { clients: 1000, durationMs: 360_000 } : {};
  for (const a of args.filter((x) => x.includes('='))) {
    const [k, v] = a.split('=') as [string, string];
    params[k] = Number.isFinite(Number(v)) ? Number(v) : v;
  }
  const lesson = (await loadLesson(id))!;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = runLesson(
    lesson,
    { lessonId: id, params, seed: 1, faults: [] },
    { trace: args.includes('trace'), workBudget: Infinity },
  );
  const mem = process.memoryUsage();
  const cpu = process.cpuUsage(c0);
  console.log(
    `${id} ${JSON.stringify(params)}: ${((performance.now() - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s cpu, ${((cpu.user + cpu.system) / (r.work ?? 1)).toFixed(2)} µs/work for ${((r.work ?? 0) / 1e6).toFixed(2)} M work, ${r.traceEvents} trace events (${r.mode}), rss ${(mem.rss / 1e6).toFixed(0)} MB, heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, buffers ${(mem.arrayBuffers / 1e6).toFixed(0)} MB, ${JSON.stringify(
      Object.fromEntries(
        Object.entries(r.metrics)
          .filter(([, v]) => typeof v === 'object')
          .map(([k, v]) => [k, (v as { count: number }).count]),
      ),
    )}, ${r.diagnostics[0]?.message ?? 'ok'}`,
  );
  return 0;
}
