import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadLesson } from '../../lessons/registry';
import { EventKind } from '../engine/trace';
import { runLesson } from '../lesson/run';
import type { RunResult } from '../lesson/types';
import { syntheticRun } from './fixtures';
import { Fate } from './messages';
import { buildTraceIndex, type TraceIndex } from './trace-index';

let run: RunResult;
let index: TraceIndex;

beforeAll(async () => {
  run = runLesson((await loadLesson('polling'))!, { lessonId: 'polling', params: {}, seed: 7, faults: [] });
  index = buildTraceIndex(run);
});

/** Brute force over the raw trace: a message is in flight at t when sent at or before t and not yet ended. */
function bruteInFlight(ix: TraceIndex, t: number): number[] {
  const m = ix.messages;
  const out: number[] = [];
  for (let i = 0; i < m.count; i++) if ((m.tSend[i] as number) <= t && (m.tEnd[i] as number) > t) out.push(i);
  return out;
}

function bruteState(r: { trace: RunResult['trace'] }, actor: number, t: number): string {
  let s = '';
  const tr = r.trace;
  for (let i = 0; i < tr.length && (tr.t[i] as number) <= t; i++) {
    if (tr.kind[i] === EventKind.State && tr.a[i] === actor) s = tr.strings[tr.c[i] as number] ?? '';
  }
  return s;
}

describe('polling run', () => {
  test('every send becomes one message row, sorted by send time', () => {
    let sends = 0;
    for (let i = 0; i < run.trace.length; i++) if (run.trace.kind[i] === EventKind.Send) sends++;
    expect(index.messages.count).toBe(sends);
    expect(sends).toBeGreaterThan(100);
    for (let i = 1; i < index.messages.count; i++)
      expect(index.messages.tSend[i]!).toBeGreaterThanOrEqual(index.messages.tSend[i - 1]!);
  });

  test('in-flight count and enumeration match brute force at many moments', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: run.durationMs + 10, noNaN: true }), (t) => {
        const brute = bruteInFlight(index, t);
        const seen: number[] = [];
        index.forEachInFlight(t, (i) => seen.push(i));
        expect(index.messagesInFlight(t)).toBe(brute.length);
        expect(seen.sort((a, b) => a - b)).toEqual(brute);
        for (const i of seen) expect(index.messages.tSend[i]!).toBeLessThanOrEqual(t);
      }),
      { numRuns: 300 },
    );
    // Exactly at send and delivery instants too (the boundaries).
    for (let i = 0; i < 200; i++) {
      for (const t of [index.messages.tSend[i]!, index.messages.tEnd[i]!])
        expect(index.messagesInFlight(t)).toBe(bruteInFlight(index, t).length);
    }
  });

  test('stateAt agrees with a replay of state events', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: run.actors.length - 1 }),
        fc.double({ min: 0, max: run.durationMs, noNaN: true }),
        (a, t) => {
          expect(index.stateAt(a, t)).toBe(bruteState(run, a, t));
        },
      ),
      { numRuns: 300 },
    );
    expect(index.stateAt(0, 0)).toBe('idle');
    const late = run.actors.find((a) => a.name === 'client-1')!;
    expect(index.stateAt(late.id, -1)).toBe('');
  });

  test('next/prev event times step through distinct sorted times', () => {
    const e = index.eventTimes;
    for (let i = 1; i < e.length; i++) expect(e[i]!).toBeGreaterThan(e[i - 1]!);
    expect(index.prevEventTime(e[0]!)).toBeUndefined();
    expect(index.nextEventTime(e[e.length - 1]!)).toBeUndefined();
    fc.assert(
      fc.property(fc.double({ min: -1, max: run.durationMs + 1, noNaN: true }), (t) => {
        const next = index.nextEventTime(t);
        const prev = index.prevEventTime(t);
        const bruteNext = Array.from(e).find((x) => x > t);
        const brutePrev = Array.from(e)
          .filter((x) => x < t)
          .pop();
        expect(next).toBe(bruteNext);
        expect(prev).toBe(brutePrev);
      }),
      { numRuns: 200 },
    );
    const t = -1;
    let steps = 0;
    for (let x = index.nextEventTime(t); x !== undefined; x = index.nextEventTime(x)) steps++;
    expect(steps).toBe(e.length);
  });

  test('describeActor counts what the server sent and received so far', () => {
    const end = index.describeActor(0, run.durationMs);
    expect(end.name).toBe('server');
    expect(end.kind).toBe('server');
    // Every request was delivered to the server except those still in flight when the run ended.
    let flyingToServer = 0;
    index.forEachInFlight(run.durationMs, (i) => (flyingToServer += index.messages.to[i] === 0 ? 1 : 0));
    expect(end.received + flyingToServer).toBe(run.metrics.requests as number);
    expect(end.sent).toBeGreaterThan(0);
    expect(end.lastMessage).toMatch(
      /^(got "GET \/feed" from client-\d+|sent "(empty|200 .*)" to client-\d+)$/,
    );
    expect(index.describeActor(0, 0)).toMatchObject({ sent: 0, received: 0, lastMessage: null });
  });

  test('gauges and links', () => {
    expect(index.gauges.get('openRequests')!.t.length).toBeGreaterThan(0);
    expect(index.links.length).toBe(20);
    expect(index.links.every((l) => l.a === 0)).toBe(true);
    expect(index.statesByKind.get('client')).toEqual(['loading', 'requesting', 'waiting']);
  });
});

describe('synthetic run with faults', () => {
  const ix = buildTraceIndex(syntheticRun(3));

  test('lost and unfinished messages', () => {
    const m = ix.messages;
    const lost = Array.from({ length: m.count }, (_, i) => i).filter((i) => m.fate[i] === Fate.Dropped);
    expect(lost).toHaveLength(1);
    expect(ix.strings[m.reason[lost[0]!]!]).toBe('loss');
    const drops: number[] = [];
    ix.forEachDrop(0, 500, (i) => drops.push(i));
    expect(drops).toEqual(lost);
    // The last request never arrives: still in flight at the end.
    expect(ix.messagesInFlight(520)).toBe(1);
    const flying: string[] = [];
    ix.forEachInFlight(520, (i) => flying.push(ix.labelOf(i)));
    expect(flying).toEqual(['GET late']);
  });

  test('partition, crash and connection intervals', () => {
    expect(ix.partitions).toEqual([{ a: 0, b: 1, from: 150, to: 260, label: 'partition server / client-1' }]);
    expect(ix.connections).toEqual([{ a: 2, b: 0, from: 50, to: 400, label: 'ws' }]);
    expect(ix.stateAt(3, 315)).toBe('down');
    expect(ix.stateAt(3, 319)).toBe('waiting');
  });

  test('describeActor reports the last message', () => {
    const d = ix.describeActor(1, 50);
    expect(d).toMatchObject({
      name: 'client-1',
      kind: 'client',
      state: 'requesting',
      sent: 1,
      received: 0,
      lastMessage: 'sent "GET" to server',
    });
    expect(ix.describeActor(1, 95).lastMessage).toBe('got "200" from server');
  });
});
