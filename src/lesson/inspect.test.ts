import { expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { inspectActor, plainData } from './inspect';
import { runLesson } from './run';

test('an actor read at a moment matches the trace of the full run at that moment', async () => {
  const lesson = (await loadLesson('polling'))!;
  const scenario = { lessonId: 'polling', params: { strategy: 'long' }, seed: 5, faults: [] };
  const run = runLesson(lesson, scenario);
  const server = run.actors.find((a) => a.name === 'server')!;
  // The last state the trace recorded for the server up to 10 s.
  let traced = '';
  for (let i = 0; i < run.trace.length && run.trace.t[i]! <= 10_000; i++) {
    if (run.trace.kind[i] === 4 && run.trace.a[i] === server.id) traced = run.trace.strings[run.trace.c[i]!]!;
  }
  const snap = inspectActor(lesson, scenario, server.id, 10_000);
  expect(snap).toMatchObject({ name: 'server', atMs: 10_000, state: traced });
  const ctx = snap.context as { holdTimeoutMs: number; held: Record<string, unknown> };
  expect(ctx.holdTimeoutMs).toBe(30_000);
  expect(Object.keys(ctx.held).length).toBeLessThanOrEqual(20);
  expect(JSON.stringify(snap.context)).not.toMatch(/"io"/);
});

test('plainData keeps data, drops functions, and cuts long lists', () => {
  expect(plainData({ a: 1, f: () => 1, io: { x: 1 }, m: new Map([[1, 'x']]), s: new Set([2]) })).toEqual({
    a: 1,
    m: { '1': 'x' },
    s: [2],
  });
  const long = plainData(Array.from({ length: 45 }, (_, i) => i)) as unknown[];
  expect(long).toHaveLength(41);
  expect(long[40]).toBe('… 5 more');
});
