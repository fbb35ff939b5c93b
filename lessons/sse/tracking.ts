import type { Metrics } from '../../src/engine/metrics';

/**
 * Open streams and what each tab received. A tab sees event ids in order on its
 * stream, so a jump from id 7 to id 10 means it never got 8 and 9 (lost), and an
 * id at or below the last one is a repeat (duplicated). Events not yet received
 * when the run ends are neither: they may still come.
 */
export class StreamTracker {
  private readonly streams = new Map<number, number>();
  private readonly last = new Map<number, number>();

  constructor(private readonly m: Metrics) {}

  /** The tab's stream opened; `primedId` is the log position it starts from on a first connection. */
  open(tab: number, stream: number, primedId: number | null): void {
    this.streams.set(tab, stream);
    this.m.set('openStreams', this.streams.size);
    if (primedId !== null) this.last.set(tab, primedId);
  }

  /** Returns true if this stream was open (so the caller can draw it closing). */
  close(tab: number, stream: number): boolean {
    if (this.streams.get(tab) !== stream) return false;
    this.streams.delete(tab);
    this.m.set('openStreams', this.streams.size);
    return true;
  }

  receive(tab: number, id: number, latencyMs: number): void {
    const last = this.last.get(tab) ?? id - 1;
    if (id <= last) {
      this.m.inc('eventsDuplicated');
      return;
    }
    if (id > last + 1) this.m.inc('eventsLost', id - last - 1);
    this.last.set(tab, id);
    this.m.inc('eventsDelivered');
    this.m.observe('deliveryLatencyMs', latencyMs);
  }

  /** The tab was closed: a reopened tab starts counting afresh. */
  forget(tab: number): void {
    this.last.delete(tab);
  }
}

/** Counts reconnect attempts and the most of them seen within any one-second window. */
export class ReconnectStats {
  private readonly times: number[] = [];
  private head = 0;

  constructor(private readonly m: Metrics) {}

  attempt(now: number): void {
    this.m.inc('reconnects');
    this.times.push(now);
    while ((this.times[this.head] as number) <= now - 1000) this.head++;
    const inWindow = this.times.length - this.head;
    const peak = this.m.count('reconnectPeakPerSecond');
    if (inWindow > peak) this.m.inc('reconnectPeakPerSecond', inWindow - peak);
  }
}
