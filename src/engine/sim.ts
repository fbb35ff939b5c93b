import { createActor, type AnyActorRef, type AnyStateMachine } from 'xstate';
import { virtualClock } from './clock';
import { describeFault, type Fault } from './faults';
import { Metrics } from './metrics';
import type { ActorInfo, PlainActor, SpawnOptions } from './actors';
import { Network, type Envelope } from './network';
import { Rng } from './random';
import { Scheduler } from './scheduler';
import { Snapshots } from './snapshots';
import { EventKind, TraceRecorder, type Tone } from './trace';

export type { ActorInfo, PlainActor, SpawnOptions } from './actors';

interface Slot extends ActorInfo {
  machine: AnyStateMachine | undefined;
  plain: PlainActor | undefined;
  options: SpawnOptions;
  ref: AnyActorRef | undefined;
  up: boolean;
  lastState: string;
}

/** A scheduled fault that cannot be applied (it names an unknown actor). */
export class FaultError extends Error {
  override name = 'FaultError';
}

/** Flattens an xstate state value ("idle" or {busy: "waiting"}) to "busy.waiting". */
export function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => {
        const inner = stateName(v);
        return inner ? `${k}.${inner}` : k;
      })
      .join(',');
  }
  return '';
}

/**
 * One simulated system: actors (xstate machines on a virtual clock) exchanging
 * messages over a simulated network, with faults, a trace and metrics.
 */
export class Simulation {
  readonly scheduler = new Scheduler();
  readonly trace: TraceRecorder;
  readonly metrics: Metrics;
  readonly rng: Rng;
  readonly net: Network;
  /** Static view data the model publishes (tables that change rarely, e.g. per map version). */
  readonly snapshots = new Snapshots(() => this.scheduler.now);
  private readonly clock = virtualClock(this.scheduler);
  private readonly slots: Slot[] = [];
  private readonly byName = new Map<string, number>();
  /** The first error thrown by the model or learner code; the run stops at it. */
  failure: unknown = undefined;

  /** Whether `SpawnOptions.fast` handlers run (tests turn them off to compare with the machines alone). */
  private readonly fastPaths: boolean;

  /** `traceLimit`: events the trace records at most (see TraceRecorder). */
  constructor(opts: { seed: number; trace?: boolean; traceLimit?: number; fastPaths?: boolean }) {
    this.fastPaths = opts.fastPaths ?? true;
    this.trace = new TraceRecorder(opts.trace ?? true, opts.traceLimit);
    this.rng = new Rng(opts.seed);
    this.metrics = new Metrics(this.trace, () => this.scheduler.now);
    this.net = new Network(this.scheduler, this.rng.fork('network'), this.trace, {
      deliver: (to, event) => this.deliver(to, event),
      isUp: (id) => this.slots[id]?.up ?? false,
    });
  }

  get now(): number {
    return this.scheduler.now;
  }

  get actors(): ActorInfo[] {
    return this.slots.map(({ id, name, kind }) => ({ id, name, kind }));
  }

  spawn(name: string, kind: string, machine: AnyStateMachine, options: SpawnOptions = {}): number {
    return this.add(name, kind, options, machine, undefined);
  }

  /** Spawns an actor made of plain callbacks (see PlainActor); `make` gets its id. */
  spawnPlain(
    name: string,
    kind: string,
    make: (id: number) => PlainActor,
    options: SpawnOptions = {},
  ): number {
    return this.add(name, kind, options, undefined, make);
  }

  private add(
    name: string,
    kind: string,
    options: SpawnOptions,
    machine: AnyStateMachine | undefined,
    make: ((id: number) => PlainActor) | undefined,
  ): number {
    if (this.byName.has(name)) throw new Error(`duplicate actor name ${name}`);
    const id = this.slots.length;
    const plain = make?.(id);
    const slot: Slot = { id, name, kind, machine, plain, options, ref: undefined, up: false, lastState: '' };
    this.slots.push(slot);
    this.byName.set(name, id);
    this.start(slot);
    return id;
  }

  /** A plain actor is in `state` now (recorded in the trace when it changed). */
  enterState(id: number, state: string): void {
    const slot = this.slots[id];
    if (!slot?.up || state === slot.lastState) return;
    slot.lastState = state;
    this.trace.push(EventKind.State, this.scheduler.now, id, -1, this.trace.intern(state), 0);
  }

  /** An actor's state and what it holds, or undefined while it is down. */
  inspect(id: number): { state: string; context: unknown } | undefined {
    const slot = this.slots[id];
    if (!slot?.up) return undefined;
    if (slot.plain) return { state: slot.lastState, context: slot.plain.context() };
    const snap = slot.ref?.getSnapshot() as { value: unknown; context: unknown };
    return { state: stateName(snap.value), context: snap.context };
  }

  private start(slot: Slot): void {
    if (slot.plain) {
      slot.up = true;
      slot.lastState = '';
      slot.plain.start();
      return;
    }
    const ref = createActor(slot.machine as AnyStateMachine, {
      clock: this.clock,
      input: slot.options.input,
    });
    slot.ref = ref;
    slot.up = true;
    slot.lastState = '';
    ref.subscribe({
      next: (snap) => {
        const s = stateName((snap as { value: unknown }).value);
        if (s !== slot.lastState) {
          slot.lastState = s;
          this.trace.push(EventKind.State, this.scheduler.now, slot.id, -1, this.trace.intern(s), 0);
        }
      },
      error: (err) => this.fail(err),
    });
    ref.start();
    const initial = stateName((ref.getSnapshot() as { value: unknown }).value);
    if (initial !== slot.lastState) {
      slot.lastState = initial;
      this.trace.push(EventKind.State, this.scheduler.now, slot.id, -1, this.trace.intern(initial), 0);
    }
  }

  id(name: string): number {
    const id = this.byName.get(name);
    if (id === undefined)
      throw new Error(`no actor named "${name}"; actors: ${[...this.byName.keys()].join(', ')}`);
    return id;
  }

  ref(id: number): AnyActorRef | undefined {
    const s = this.slots[id];
    return s?.up ? s.ref : undefined;
  }

  isUp(id: number): boolean {
    return this.slots[id]?.up ?? false;
  }

  /** Sends a message over the network (`tone`: how the page colours it, see Tone). */
  send(
    from: number,
    to: number,
    event: { type: string; [key: string]: unknown },
    label?: string,
    tone?: Tone,
  ): number {
    return this.net.send(from, to, event, label, tone);
  }

  private deliver(to: number, event: Envelope): boolean {
    const slot = this.slots[to];
    if (!slot?.up) return false;
    if (slot.plain) slot.plain.receive(event);
    else if (!slot.ref) return false;
    else {
      const fast = this.fastPaths ? slot.options.fast : undefined;
      if (!fast?.(event, slot.ref.getSnapshot() as { value: unknown; context: unknown }))
        slot.ref.send(event);
    }
    return true;
  }

  crash(id: number): void {
    const slot = this.slots[id];
    if (!slot?.up) return;
    slot.up = false;
    slot.ref?.stop();
    slot.plain?.stop();
    slot.options.onCrash?.();
    slot.lastState = 'down';
    this.trace.push(EventKind.State, this.scheduler.now, id, -1, this.trace.intern('down'), 0);
  }

  /** Starts a crashed actor again from its initial state: what it held in memory is gone. */
  restart(id: number): void {
    const slot = this.slots[id];
    if (!slot || slot.up) return;
    this.start(slot);
  }

  applyFault(f: Fault): void {
    const where =
      f.kind === 'crash' || f.kind === 'restart' ? [this.id(f.actor), -1] : [this.id(f.a), this.id(f.b)];
    const [a, b] = where as [number, number];
    this.trace.push(EventKind.Fault, this.scheduler.now, a, b, this.trace.intern(describeFault(f)), 0);
    switch (f.kind) {
      case 'crash':
        return this.crash(a);
      case 'restart':
        return this.restart(a);
      case 'partition':
        return this.net.setPartitioned(a, b, true);
      case 'heal':
        this.net.setPartitioned(a, b, false);
        return this.net.setSlow(a, b, 1);
      case 'slow':
        return this.net.setSlow(a, b, f.factor);
    }
  }

  /**
   * Applies each fault at its time. Actor names are checked when the fault fires,
   * so a fault can name an actor the model spawns later in the run.
   */
  scheduleFaults(faults: readonly Fault[]): void {
    for (const f of faults) {
      this.scheduler.at(Math.max(0, f.at), () => {
        const names = f.kind === 'crash' || f.kind === 'restart' ? [f.actor] : [f.a, f.b];
        const missing = names.find((n) => !this.byName.has(n));
        if (missing !== undefined) {
          this.fail(
            new FaultError(
              `fault "${describeFault(f)}" at ${f.at} ms names no actor "${missing}"; actors: ${[...this.byName.keys()].join(', ')}`,
            ),
          );
          return;
        }
        this.applyFault(f);
      });
    }
  }

  /** Records that a long-lived connection between two actors opened or closed (drawn as a standing link). */
  connection(client: number, server: number, open: boolean, label = open ? 'open' : 'closed'): void {
    this.trace.push(
      EventKind.Connection,
      this.scheduler.now,
      client,
      server,
      this.trace.intern(label),
      open ? 1 : 0,
    );
  }

  fail(err: unknown): void {
    if (this.failure === undefined) this.failure = err ?? new Error('unknown failure');
    this.scheduler.stop();
  }

  /**
   * Runs until `durationMs` of virtual time have passed or something failed.
   * `onProgress` gets the fraction of virtual time done, between 200 slices of virtual
   * time and every few thousand events within a slice, so a long run calls it often
   * (the worker turns it into a wall-time heartbeat; the UI into a progress bar).
   */
  run(durationMs: number, onProgress?: (fraction: number) => void): void {
    const slices = onProgress ? 200 : 1;
    const tick = onProgress && (() => onProgress(durationMs > 0 ? this.scheduler.now / durationMs : 1));
    try {
      for (let k = 1; k <= slices && this.failure === undefined; k++) {
        this.scheduler.runUntil((durationMs * k) / slices, tick);
        onProgress?.(k / slices);
      }
    } catch (err) {
      this.fail(err);
    }
  }
}
