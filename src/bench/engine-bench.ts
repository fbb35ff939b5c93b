import TinyQueue from 'tinyqueue';
import { createActor, createMachine } from 'xstate';
import { Rng } from '../engine/random';
import { Scheduler } from '../engine/scheduler';
import { Simulation } from '../engine/sim';
import { bestOf, fmtRate, verdict } from './measure';

const EVENTS = 1_000_000;
const QUEUED = 1_000;

/** (a) Scheduler events per second against a bare priority-queue loop doing the same pushes and pops. */
export function schedulerBench(): string[] {
  const delays = new Float64Array(EVENTS + QUEUED);
  const rng = new Rng(1);
  for (let i = 0; i < delays.length; i++) delays[i] = rng.exponential(10);

  const bare = bestOf(3, () => {
    type T = { t: number; seq: number };
    const q = new TinyQueue<T>([], (a, b) => a.t - b.t || a.seq - b.seq);
    let seq = 0;
    let k = 0;
    for (let i = 0; i < QUEUED; i++) q.push({ t: delays[k++]!, seq: seq++ });
    for (let n = 0; n < EVENTS; n++) {
      const top = q.pop()!;
      q.push({ t: top.t + delays[k++]!, seq: seq++ });
    }
  });
  const engine = bestOf(3, () => {
    const s = new Scheduler();
    let k = 0;
    let n = 0;
    const tick = () => {
      if (n++ < EVENTS) s.after(delays[k++]!, tick);
    };
    for (let i = 0; i < QUEUED; i++) s.after(delays[k++]!, tick);
    s.runUntil(Infinity);
  });
  const ratio = bare / engine;
  return [
    `(a) scheduler: ${fmtRate(EVENTS / (engine / 1000))} events vs bare priority queue ${fmtRate(EVENTS / (bare / 1000))}: ${ratio.toFixed(2)}x (target >= 0.5x, ${verdict(ratio >= 0.5)})`,
  ];
}

const toggle = createMachine({
  id: 'toggle',
  initial: 'a',
  states: { a: { on: { TICK: 'b' } }, b: { on: { TICK: 'a' } } },
});

/**
 * (b) xstate transitions per second inside the engine against plain actor.send on
 * the same machine. "Direct": the scheduler delivers each event to the actor and the
 * engine traces the state change. "Networked": each event is also a traced network
 * message (send row, latency, delivery row), the path lesson messages take.
 */
export function transitionBench(): string[] {
  const N = 200_000;
  const plain = bestOf(3, () => {
    const actor = createActor(toggle).start();
    for (let i = 0; i < N; i++) actor.send({ type: 'TICK' });
  });
  const direct = bestOf(3, () => {
    const sim = new Simulation({ seed: 1 });
    const to = sim.spawn('toggle', 'toggle', toggle);
    const ref = sim.ref(to)!;
    let n = 0;
    const tick = () => {
      ref.send({ type: 'TICK' });
      if (++n < N) sim.scheduler.after(1, tick);
    };
    sim.scheduler.after(1, tick);
    sim.run(N + 10);
  });
  const networked = bestOf(3, () => {
    const sim = new Simulation({ seed: 1 });
    const from = sim.spawn('driver', 'driver', toggle);
    const to = sim.spawn('toggle', 'toggle', toggle);
    sim.net.configure(from, to, { latencyMs: 1 });
    let n = 0;
    const tick = () => {
      sim.send(from, to, { type: 'TICK' });
      if (++n < N) sim.scheduler.after(1, tick);
    };
    sim.scheduler.after(1, tick);
    sim.run(N + 10);
  });
  const rate = (ms: number) => fmtRate(N / (ms / 1000));
  const r1 = plain / direct;
  const r2 = plain / networked;
  return [
    `(b) xstate transitions: plain actor.send ${rate(plain)}; in the engine, scheduled and traced ${rate(direct)} = ${r1.toFixed(2)}x (target >= 0.7x, ${verdict(r1 >= 0.7)}); each also a traced network message ${rate(networked)} = ${r2.toFixed(2)}x`,
  ];
}
