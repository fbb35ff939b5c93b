import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Fault } from './faults';
import { Simulation } from './sim';
import { sink } from './test-kit';
import { EventKind, type TraceData } from './trace';

const NAMES = ['n0', 'n1', 'n2', 'n3'] as const;
const DURATION = 2000;
/** Long enough after the last send for the slowest message (latency 200 + jitter 100, slowed x8) to land. */
const DRAIN = 2500;

/** Random fault schedules over four actors: crashes, restarts, partitions, heals, slow links. */
const faultArb: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    at: fc.integer({ min: 0, max: DURATION }),
    kind: fc.constant('crash' as const),
    actor: fc.constantFrom(...NAMES),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: DURATION }),
    kind: fc.constant('restart' as const),
    actor: fc.constantFrom(...NAMES),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: DURATION }),
    kind: fc.constant('partition' as const),
    a: fc.constantFrom(...NAMES),
    b: fc.constantFrom(...NAMES),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: DURATION }),
    kind: fc.constant('heal' as const),
    a: fc.constantFrom(...NAMES),
    b: fc.constantFrom(...NAMES),
  }),
  fc.record({
    at: fc.integer({ min: 0, max: DURATION }),
    kind: fc.constant('slow' as const),
    a: fc.constantFrom(...NAMES),
    b: fc.constantFrom(...NAMES),
    factor: fc.integer({ min: 1, max: 8 }),
  }),
);

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  faults: fc.array(faultArb, { maxLength: 12 }),
  latencyMs: fc.integer({ min: 1, max: 200 }),
  jitterMs: fc.integer({ min: 0, max: 100 }),
  loss: fc.constantFrom(0, 0, 0.1, 0.5),
  /** Each actor sends to a random peer at random (seeded) gaps. */
  meanGapMs: fc.integer({ min: 5, max: 100 }),
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/**
 * `mixed`: n2 is a plain-callback actor and n3 a machine whose messages a fast path takes,
 * so the network's guarantees are checked for every kind of actor the engine runs.
 * Each counts what reaches it, and fails the run if it hears anything while down.
 */
function simulate(s: Scenario, mixed = false): TraceData {
  const sim = new Simulation({ seed: s.seed });
  const heard = new Map<number, number>();
  const hear = (id: number) => {
    if (!sim.isUp(id)) throw new Error(`actor ${id} heard a message while down`);
    heard.set(id, (heard.get(id) ?? 0) + 1);
  };
  const ids = NAMES.map((n, k) => {
    if (!mixed || k < 2) return sim.spawn(n, 'node', sink);
    if (k === 2)
      return sim.spawnPlain(n, 'node', (id) => ({
        start: () => sim.enterState(id, 'idle'),
        receive: () => hear(id),
        stop: () => undefined,
        context: () => ({ heard: heard.get(id) ?? 0 }),
      }));
    const id: number = sim.spawn(n, 'node', sink, { fast: () => (hear(id), true) });
    return id;
  });
  for (const a of ids)
    for (const b of ids)
      if (a < b) sim.net.configure(a, b, { latencyMs: s.latencyMs, jitterMs: s.jitterMs, loss: s.loss });
  const traffic = sim.rng.fork('traffic');
  for (const from of ids) {
    const next = () => {
      const to = ids[traffic.int(ids.length)] as number;
      if (to !== from && sim.isUp(from)) sim.send(from, to, { type: 'MSG' });
      if (sim.now < DURATION) sim.scheduler.after(traffic.exponential(s.meanGapMs), next);
    };
    sim.scheduler.after(traffic.exponential(s.meanGapMs), next);
  }
  sim.scheduleFaults(s.faults);
  sim.run(DURATION + DRAIN);
  expect(sim.failure).toBeUndefined();
  const trace = sim.trace.toData();
  if (mixed)
    for (const id of ids.slice(2)) {
      let delivered = 0;
      for (let i = 0; i < trace.length; i++)
        if (trace.kind[i] === EventKind.Deliver && trace.b[i] === id) delivered++;
      expect(heard.get(id) ?? 0, `actor ${id} heard every delivered message once`).toBe(delivered);
    }
  return trace;
}

/** Replays the trace's rows in order, tracking up/down actors and partitioned pairs as the faults say. */
function checkFates(t: TraceData): void {
  const up = new Set(NAMES.map((_, i) => i));
  const partitioned = new Set<string>();
  const pair = (a: number, b: number) => (a < b ? `${a}/${b}` : `${b}/${a}`);
  const sent = new Map<number, { from: number; to: number }>();
  const sentAt = new Map<number, number>();
  const fate = new Map<number, 'delivered' | 'dropped'>();
  for (let i = 0; i < t.length; i++) {
    const kind = t.kind[i];
    const a = t.a[i] as number;
    const b = t.b[i] as number;
    const id = t.v[i] as number;
    if (kind === EventKind.Fault) {
      const what = t.strings[t.c[i] as number] as string;
      if (what.startsWith('crash')) up.delete(a);
      else if (what.startsWith('restart')) up.add(a);
      else if (what.startsWith('partition')) partitioned.add(pair(a, b));
      else if (what.startsWith('heal')) partitioned.delete(pair(a, b));
    } else if (kind === EventKind.Send) {
      expect(sent.has(id), `message ${id} sent twice`).toBe(false);
      sent.set(id, { from: a, to: b });
      sentAt.set(id, t.t[i] as number);
    } else if (kind === EventKind.Deliver || kind === EventKind.Drop) {
      expect(sent.get(id), `message ${id} has a fate but was never sent`).toEqual({ from: a, to: b });
      expect(fate.has(id), `message ${id} has two fates`).toBe(false);
      fate.set(id, kind === EventKind.Deliver ? 'delivered' : 'dropped');
      if (kind === EventKind.Deliver) {
        expect(up.has(b), `message ${id} delivered to crashed actor ${b}`).toBe(true);
        expect(partitioned.has(pair(a, b)), `message ${id} delivered across a partition`).toBe(false);
      }
    }
  }
  // Traffic stops at DURATION and the run drains for DRAIN more: every message has met its fate.
  for (const [id, at] of sentAt) {
    expect(fate.has(id), `message ${id} sent at ${at} has no fate`).toBe(true);
  }
}

describe('network under random fault schedules (property)', () => {
  test('every message has exactly one fate; nothing reaches a crashed actor or crosses a partition', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        checkFates(simulate(s as Scenario));
      }),
      { numRuns: 60 },
    );
  });

  test('the same holds for plain-callback actors and machines behind a fast path', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const t = simulate(s as Scenario, true);
        checkFates(t);
        const again = simulate(s as Scenario, true);
        for (const col of ['kind', 't', 'a', 'b', 'c', 'v'] as const) expect(again[col]).toEqual(t[col]);
      }),
      { numRuns: 40 },
    );
  });

  test('a partition that starts while a message is in flight drops it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 200 }), fc.integer({ min: 1, max: 19 }), (latency, cutAfter) => {
        const sim = new Simulation({ seed: 1 });
        const a = sim.spawn('a', 'node', sink);
        const b = sim.spawn('b', 'node', sink);
        sim.net.configure(a, b, { latencyMs: latency });
        sim.scheduler.at(10, () => sim.send(a, b, { type: 'MSG' }));
        sim.scheduleFaults([{ at: 10 + Math.min(cutAfter, latency - 1), kind: 'partition', a: 'a', b: 'b' }]);
        sim.run(1000);
        const t = sim.trace.toData();
        const kinds = [...t.kind].filter((k) => k === EventKind.Deliver || k === EventKind.Drop);
        expect(kinds).toEqual([EventKind.Drop]);
        checkFates(t);
      }),
      { numRuns: 40 },
    );
  });

  test('every trace column is identical when rerun', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const x = simulate(s as Scenario);
        const y = simulate(s as Scenario);
        expect(y.length).toBe(x.length);
        for (const col of ['kind', 't', 'a', 'b', 'c', 'v'] as const) expect(y[col]).toEqual(x[col]);
        expect(y.strings).toEqual(x.strings);
      }),
      { numRuns: 30 },
    );
  });
});
