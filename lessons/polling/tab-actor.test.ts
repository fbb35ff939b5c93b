import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { Simulation } from '../../src/engine/sim';
import { EventKind, type TraceData } from '../../src/engine/trace';
import { describeMachine } from '../../src/lesson/machine-graph';
import { resolveParams } from '../../src/lesson/params';
import type { PollingApi } from './api';
import { clientMachine } from './model';
import { pollingParams, type PollingParams } from './params';
import { buildPolling } from './wiring';

// A policy with every branch: back off on errors, poll again at once after data.
const learner: PollingApi = {
  nextPollDelay: (a, s) =>
    a.kind === 'error' ? 500 * a.errorStreak : a.kind === 'data' ? 0 : s.pollIntervalMs,
};
const FAULTS: Fault[] = [
  { kind: 'partition', a: 'server', b: 'client-2', at: 3_000 },
  { kind: 'crash', actor: 'server', at: 8_000 },
  { kind: 'crash', actor: 'client-4', at: 9_000 },
  { kind: 'restart', actor: 'server', at: 14_000 },
  { kind: 'restart', actor: 'client-4', at: 15_000 },
  { kind: 'heal', a: 'server', b: 'client-2', at: 40_000 },
];

function run(params: Partial<PollingParams>, machineTabs: boolean): { trace: TraceData; metrics: unknown } {
  const r = resolveParams(pollingParams, { clients: 12, durationMs: 60_000, eventsPerSecond: 2, ...params });
  if (!r.ok) throw new Error(r.errors.join());
  const sim = new Simulation({ seed: 11 });
  buildPolling(sim, r.params as PollingParams, learner, { machineTabs });
  sim.scheduleFaults(FAULTS);
  sim.run(60_000);
  expect(sim.failure).toBeUndefined();
  return { trace: sim.trace.toData(), metrics: sim.metrics.snapshot() };
}

describe.each([
  { strategy: 'short' as const, holdTimeoutMs: 30_000 },
  { strategy: 'long' as const, holdTimeoutMs: 5_000 },
])('the plain tab takes the machine’s transitions ($strategy polling)', (params) => {
  const plain = run(params, false);
  const machine = run(params, true);

  test('every trace column and metric equals the one xstate interpreting clientMachine gives', () => {
    expect(plain.trace.length).toBe(machine.trace.length);
    for (const col of ['kind', 't', 'a', 'b', 'c', 'v'] as const)
      expect(Buffer.from(plain.trace[col].buffer).equals(Buffer.from(machine.trace[col].buffer))).toBe(true);
    expect(plain.trace.strings).toEqual(machine.trace.strings);
    expect(plain.metrics).toEqual(machine.metrics);
  });

  test('every state change of a tab is a transition of the statechart the page draws', () => {
    const graph = describeMachine(clientMachine);
    const edges = new Set(graph.transitions.map((t) => `${t.from}>${t.to}`));
    const { trace } = plain;
    const last = new Map<number, string>();
    let changes = 0;
    for (let i = 0; i < trace.length; i++) {
      if (trace.kind[i] !== EventKind.State || trace.a[i] === 0) continue; // actor 0: the server
      const s = trace.strings[trace.c[i]!]!;
      const prev = last.get(trace.a[i]!);
      last.set(trace.a[i]!, s);
      if (prev === undefined || prev === 'down' || s === 'down') continue;
      expect(edges.has(`${prev}>${s}`), `${prev} -> ${s}`).toBe(true);
      changes++;
    }
    expect(changes).toBeGreaterThan(100);
  });
});
