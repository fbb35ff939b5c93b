import { performance } from 'node:perf_hooks';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { verdict } from './measure';

/**
 * (f) Sharding at scale: a million keys on 64 shards, a 65th joining, with the reference
 * router and the trace on, as the page runs it. Every key's owner is computed under both
 * maps (two million router calls) and the reads run as plain scheduler tasks; the trace
 * holds only the drawn sample of reads, so it stays far below the aggregate-mode limit.
 */
export async function shardingScaleBench(): Promise<string[]> {
  const lesson = (await loadLesson('sharding-routers'))!;
  const scenario = {
    lessonId: lesson.id,
    params: { keys: 1_000_000, shards: 64 },
    code: lesson.code.solution,
    seed: 1,
    faults: [],
  };
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = runLesson(lesson, scenario, { trace: true });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `(f) sharding-routers, 1,000,000 keys on 64 shards: ${s(wall)} wall, ${s((cpu.user + cpu.system) / 1000)} cpu, ${Number(r.metrics.keysMoved).toLocaleString('en-US')} keys moved, ${Number(r.metrics.requests).toLocaleString('en-US')} reads, mode ${r.mode ?? r.diagnostics[0]?.kind}, trace ${r.trace.length.toLocaleString('en-US')} events (target <= 10 s, ${verdict(wall <= 10_000)})`,
  ];
}
