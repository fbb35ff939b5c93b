import type { Task } from '../../engine/scheduler';
import type { Simulation } from '../../engine/sim';
import { TCP_GIVE_UP_MS } from './tcp';

/**
 * A frame waiting in a connection's send buffer. Buffers hold references: a broadcast
 * may push one frame object to every connection (nothing here mutates it).
 */
export interface OutFrame {
  bytes: number;
  label: string;
  event: { type: string; [key: string]: unknown };
}

/** Sent frames a queue keeps before it drops their slots (amortised: at most half the array). */
const COMPACT_AFTER = 4096;
/** How often a stalled buffer checks whether the path is back (a stand-in for TCP retransmissions). */
const RETRANSMIT_CHECK_MS = 1000;

/**
 * The sending side of one TCP connection (a FIFO send buffer drained at a bandwidth;
 * SimPy's `Store` with a server): frames leave in order at the receiver's link rate, and their bytes stay buffered until the client acknowledges
 * them one round trip later. While the path is cut (a partition) nothing is
 * acknowledged, so everything stays buffered, as TCP keeps unacked data to retransmit,
 * until the kernel gives up after tcp_retries2 (TCP_GIVE_UP_MS, 924.6 s: `onGiveUp`).
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
    // A buffer that never empties (a slow reader) lets go of the frames already sent.
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
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
