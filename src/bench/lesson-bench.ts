import { performance } from 'node:perf_hooks';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { TraceRecorder, EventKind } from '../engine/trace';
import { verdict } from './measure';

/** (c) A 1-hour virtual run of the polling lesson with 1,000 clients. */
export async function pollingHourBench(): Promise<string[]> {
  const lesson = (await loadLesson('polling'))!;
  const out: string[] = [];
  for (const strategy of ['short', 'long'] as const) {
    const params = { clients: 1000, durationMs: 3_600_000, strategy };
    const code = strategy === 'long' ? lesson.code.solution : lesson.code.starter;
    const t0 = performance.now();
    const r = runLesson(lesson, { lessonId: 'polling', params, code, seed: 1, faults: [] });
    const wall = performance.now() - t0;
    out.push(
      `(c) polling ${strategy}, 1,000 clients, 1 h virtual: ${(wall / 1000).toFixed(1)} s wall, ${(3_600_000 / wall).toFixed(0)}x faster than real time, ${r.trace.length.toLocaleString('en-US')} trace events, ${Number(r.metrics.requests).toLocaleString('en-US')} requests`,
    );
  }
  return out;
}

/** (d) Trace memory per recorded event, measured as the allocator sees it. */
export function traceMemoryBench(): string[] {
  const N = 2_000_000;
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = used();
  const tr = new TraceRecorder();
  for (let i = 0; i < N; i++) tr.push(EventKind.Send, i, i & 1023, (i + 1) & 1023, i & 15, i);
  const measured = (used() - before) / N;
  const perEvent = tr.bytes / N;
  return [
    `(d) trace memory: ${perEvent.toFixed(1)} bytes/event by column sizes, ${measured.toFixed(1)} bytes/event measured (target <= 32, ${verdict(measured <= 32)})`,
  ];
}
