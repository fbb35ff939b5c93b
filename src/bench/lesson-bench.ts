import { performance } from 'node:perf_hooks';
import { manifest } from '../../lessons/manifest';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';
import { TraceRecorder, EventKind } from '../engine/trace';
import { verdict } from './measure';
import { allKnobsAtMax, LARGEST } from './largest';

/**
 * (c) The benchmark case: polling, 1,000 clients short-polling every second for 1 hour
 * (3.2 M requests, about 19.5 M events), run whole with its trace, as the page would;
 * then the same at 50 updates/s, which the work budget refuses up front (how fast is
 * part of the figure).
 */
export async function pollingHourBench(): Promise<string[]> {
  const lesson = (await loadLesson('polling'))!;
  const out: string[] = [];
  const hour = { lessonId: 'polling', params: { clients: 1000, durationMs: 3_600_000 }, seed: 1, faults: [] };
  const c0 = process.cpuUsage();
  let t0 = performance.now();
  const r = runLesson(lesson, hour, { trace: true });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  out.push(
    `(c) polling, 1,000 clients, 1 h: ${(wall / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s cpu, ${Number(r.metrics.requests).toLocaleString('en-US')} requests, ${((r.work ?? 0) / 1e6).toFixed(1)} M work, mode ${r.mode ?? r.diagnostics[0]?.kind}, trace ${r.trace.length.toLocaleString('en-US')} of ${(r.traceEvents ?? 0).toLocaleString('en-US')} events, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (target <= 40 s, ${verdict(wall <= 40_000)})`,
  );
  t0 = performance.now();
  const busy = runLesson(
    lesson,
    { ...hour, params: { ...hour.params, eventsPerSecond: 50 } },
    { trace: true },
  );
  out.push(
    `(c) the same at 50 updates/s: ${busy.diagnostics[0]?.kind === 'budget' ? 'refused' : 'ran'} in ${((performance.now() - t0) / 1000).toFixed(1)} s wall: ${busy.diagnostics[0]?.message ?? 'finished'}`,
  );
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

/**
 * (e) For each lesson: its heaviest knobs (refused, and how fast), then the largest run
 * the budget accepts with them (durationMs as the refusal suggests), with its wall time,
 * CPU time and memory (trace on, as in the page).
 */
export async function largestRunsBench(only?: string): Promise<string[]> {
  const out: string[] = [];
  const ids = manifest.flatMap((t) => t.lessons.map((l) => l.id));
  for (const id of ids) {
    if (only && id !== only) continue;
    const lesson = (await loadLesson(id))!;
    const params = LARGEST[id] ?? allKnobsAtMax(lesson.params);
    const scenario = { lessonId: id, params, seed: 1, faults: [] };
    let t0 = performance.now();
    const refused = runLesson(lesson, scenario, { trace: true });
    const refusedMs = performance.now() - t0;
    const d = refused.diagnostics[0];
    const suggested =
      d?.kind === 'budget' ? Number(/durationMs from \d+ to (\d+)/.exec(d.message)?.[1]) : NaN;
    if (!Number.isFinite(suggested)) {
      out.push(`(e) ${id}: heaviest knobs accepted: ${(refusedMs / 1000).toFixed(1)} s wall`);
      continue;
    }
    const accepted = { ...scenario, params: { ...params, durationMs: suggested } };
    const before = process.memoryUsage();
    const c0 = process.cpuUsage();
    t0 = performance.now();
    const r = runLesson(lesson, accepted, { trace: true });
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const after = process.memoryUsage();
    const mb = (b: number) => `${(b / 1e6).toFixed(0)} MB`;
    out.push(
      `(e) ${id}: heaviest knobs refused in ${(refusedMs / 1000).toFixed(1)} s; largest accepted (durationMs ${suggested}): ${(wall / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s cpu, ${r.diagnostics.length ? `stopped: ${r.diagnostics[0]!.kind}` : 'finished'}, mode ${r.mode}, trace ${r.trace.length.toLocaleString('en-US')} events${r.traceEndsAtMs !== undefined ? ` (cut at ${r.traceEndsAtMs} ms)` : ''}, heap+buffers ${mb(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers)} more, rss ${mb(after.rss)}`,
    );
  }
  return out;
}
