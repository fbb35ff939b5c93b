import type { ActorInfo } from '../engine/sim';
import { EventKind, TraceRecorder, type TraceData } from '../engine/trace';
import type { IndexableRun } from './trace-index';

/**
 * A hand-written trace for tests and the visual harness: a server, a few clients,
 * one lost message, a partition that heals, a crash and restart, and a standing connection.
 */
export function syntheticRun(clients = 3): IndexableRun {
  const rec = new TraceRecorder();
  const actors: ActorInfo[] = [{ id: 0, name: 'server', kind: 'server' }];
  for (let i = 1; i <= clients; i++) actors.push({ id: i, name: `client-${i}`, kind: 'client' });
  const s = (x: string) => rec.intern(x);
  let id = 0;
  const events: [number, EventKind, number, number, number, number][] = [];
  const push = (t: number, k: EventKind, a: number, b: number, c: number, v: number) =>
    events.push([t, k, a, b, c, v]);
  push(0, EventKind.State, 0, -1, s('idle'), 0);
  rec.gauges.push('open');
  for (let i = 1; i <= clients; i++) push(i, EventKind.State, i, -1, s('waiting'), 0);
  for (let round = 0; round < 5; round++) {
    for (let i = 1; i <= clients; i++) {
      const t0 = 100 * round + i * 7;
      const req = id++;
      push(t0, EventKind.Send, i, 0, s('GET'), req);
      push(t0, EventKind.State, i, -1, s('requesting'), 0);
      if (i === 2 && round === 1) {
        push(t0 + 20, EventKind.Drop, i, 0, s('loss'), req);
        continue;
      }
      push(t0 + 40, EventKind.Deliver, i, 0, s('GET'), req);
      const res = id++;
      push(t0 + 40, EventKind.Send, 0, i, s('200'), res);
      push(t0 + 40, EventKind.Gauge, 0, -1, -1, round + i);
      push(t0 + 85, EventKind.Deliver, 0, i, s('200'), res);
      push(t0 + 85, EventKind.State, i, -1, s('waiting'), 0);
    }
  }
  // A request that never arrives before the run ends.
  push(480, EventKind.Send, 1, 0, s('GET late'), id++);
  push(150, EventKind.Fault, 0, 1, s('partition server / client-1'), 0);
  push(260, EventKind.Fault, 0, 1, s('heal server / client-1'), 0);
  push(312, EventKind.State, 3, -1, s('down'), 0);
  push(318, EventKind.State, 3, -1, s('waiting'), 0);
  push(50, EventKind.Connection, 2, 0, s('ws'), 1);
  push(400, EventKind.Connection, 2, 0, s('closed'), 0);
  events.sort((x, y) => x[0] - y[0]);
  for (const [t, k, a, b, c, v] of events) rec.push(k, t, a, b, c, v);
  const trace: TraceData = rec.toData();
  const lat = [45, 50, 60, 85, 85, 90, 300, 1200];
  return {
    trace,
    actors,
    durationMs: 500,
    samples: { latency: { t: Float64Array.from(lat, (_, i) => i * 60), value: Float64Array.from(lat) } },
  };
}
