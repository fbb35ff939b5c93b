import type { Envelope } from './network';

export interface ActorInfo {
  id: number;
  name: string;
  kind: string;
}

export interface SpawnOptions {
  input?: unknown;
  /** Called when the actor crashes, to undo model-wide bookkeeping it held. */
  onCrash?: () => void;
  /**
   * Handles a delivered message without the machine when it returns true: for a
   * per-message hot path that takes no transition (a server answering a request at
   * once, a tab reading one more event off an open stream). It gets the machine's
   * current state and context, and may update fields of the context in place as the
   * machine's own `assign` would; returning false hands the message to the machine.
   */
  fast?: (event: Envelope, now: { value: unknown; context: unknown }) => boolean;
}

/**
 * An actor written as plain callbacks instead of an xstate machine, for actors whose
 * every transition is a per-message hot path (a polling tab makes one per request).
 * It reports its states with `sim.enterState`, so the trace and the statechart view
 * read it like a machine; the lesson keeps the machine it follows as its statechart.
 */
export interface PlainActor {
  /** Starts from the initial state: at spawn, and again on restart after a crash. */
  start(): void;
  /** A message delivered to the actor. */
  receive(event: Envelope): void;
  /** The actor crashed: it cancels its timers (what it held in memory is gone). */
  stop(): void;
  /** What the actor holds now (the inspector shows it like a machine's context). */
  context(): unknown;
}
