import type { Simulation } from '../../src/engine/sim';
import type { Task } from '../../src/engine/scheduler';

/** A frame waiting in a connection's send buffer. */
export interface OutFrame {
  bytes: number;
  label: string;
  event: { type: string; [key: string]: unknown };
}

/**
 * Linux gives up on unacknowledged data after tcp_retries2 = 15 retransmissions:
 * "a hypothetical timeout of 924.6 seconds", a lower bound (Documentation/networking/ip-sysctl.rst).
 */
export const TCP_GIVE_UP_MS = 924_600;
/** How often a stalled buffer checks whether the path is back (a stand-in for TCP retransmissions). */
const RETRANSMIT_CHECK_MS = 1000;

/**
 * The server's outgoing side of one TCP connection: frames leave in order at the
 * client's link rate, and their bytes stay buffered until the client acknowledges
 * them one round trip later. While the path is cut (a partition) nothing is
 * acknowledged, so everything stays buffered, as TCP keeps unacked data to retransmit.
 * Simplification: frames already in flight when a partition starts are dropped by the
 * network and counted as acknowledged only if the path is up one round trip later.
 */
export class SendBuffer {
  private queue: OutFrame[] = [];
  private head = 0;
  private pumping: Task | undefined;
  private stalledSince: number | undefined;
  private closed = false;
  /** Bytes queued or in flight, not yet acknowledged. */
  bufferedBytes = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly from: number,
    private readonly to: number,
    /** The client's downlink rate in bytes per ms. */
    private readonly bytesPerMs: number,
    private readonly rttMs: number,
    private readonly hooks: { onBytes(delta: number): void; onGiveUp(): void },
  ) {}

  push(frame: OutFrame): void {
    if (this.closed) return;
    this.queue.push(frame);
    this.change(frame.bytes);
    if (!this.pumping) this.pump();
  }

  /** Forgets the frames not yet sent (in-flight bytes still wait for their acknowledgement). */
  dropQueued(): void {
    this.sim.scheduler.cancel(this.pumping);
    this.pumping = undefined;
    let freed = 0;
    for (let i = this.head; i < this.queue.length; i++) freed += (this.queue[i] as OutFrame).bytes;
    this.queue = [];
    this.head = 0;
    this.change(-freed);
  }

  /** Frees everything (the connection is gone); returns the bytes it held. */
  discard(): number {
    const held = this.bufferedBytes;
    this.closed = true;
    this.sim.scheduler.cancel(this.pumping);
    this.queue = [];
    this.change(-held);
    return held;
  }

  private change(delta: number): void {
    this.bufferedBytes += delta;
    this.hooks.onBytes(delta);
  }

  private pump(): void {
    this.pumping = undefined;
    if (this.closed) return;
    const frame = this.queue[this.head];
    if (!frame) {
      this.queue = [];
      this.head = 0;
      return;
    }
    const s = this.sim.scheduler;
    if (this.sim.net.isPartitioned(this.from, this.to)) {
      this.stalledSince ??= s.now;
      if (s.now - this.stalledSince >= TCP_GIVE_UP_MS) return this.hooks.onGiveUp();
      this.pumping = s.after(RETRANSMIT_CHECK_MS, () => this.pump());
      return;
    }
    this.stalledSince = undefined;
    this.pumping = s.after(frame.bytes / this.bytesPerMs, () => {
      this.head++;
      this.sim.send(this.from, this.to, frame.event, frame.label);
      s.after(this.rttMs, () => {
        if (!this.closed && !this.sim.net.isPartitioned(this.from, this.to)) this.change(-frame.bytes);
      });
      this.pump();
    });
  }
}
