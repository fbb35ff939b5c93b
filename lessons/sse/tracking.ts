import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { sseMetrics } from './metrics';

type Writer = MetricWriter<typeof sseMetrics>;

/**
 * Open streams and what each tab received. A tab sees event ids in order on its
 * stream, so a jump from id 7 to id 10 means it never got 8 and 9 (lost), and an
 * id at or below the last one is a repeat (duplicated). A tab that waits for a
 * connection (HTTP/1.1 allows 6 per origin) is subscribed but not connected: what is
 * published meanwhile is lost to it unless a replay brings it, so a first stream
 * (which starts live) counts the events published while it waited, and a tab still
 * waiting at the end counts everything it missed. Events a connected tab has not yet
 * received when the run ends are neither lost nor delivered: they may still come.
 */
export class StreamTracker {
  private readonly streams = new Map<number, number>();
  private readonly last = new Map<number, number>();
  /** Log position when a tab started waiting for a connection. */
  private readonly waitingSince = new Map<number, number>();

  constructor(
    private readonly m: Writer,
    private readonly logLength: () => number,
  ) {}

  waiting(tab: number, waits: boolean): void {
    if (waits) this.waitingSince.set(tab, this.logLength());
    else if (this.last.has(tab)) this.waitingSince.delete(tab);
  }

  /** The tab's stream opened; `primedId` is the log position it starts from on a first connection. */
  open(tab: number, stream: number, primedId: number | null): void {
    this.streams.set(tab, stream);
    this.m.set('openStreams', this.streams.size);
    const since = this.waitingSince.get(tab);
    if (primedId !== null && since !== undefined) this.m.inc('eventsLost', primedId - since);
    this.waitingSince.delete(tab);
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
    if (id <= last) return this.m.inc('eventsDuplicated');
    if (id > last + 1) this.m.inc('eventsLost', id - last - 1);
    this.last.set(tab, id);
    this.m.inc('eventsDelivered');
    this.m.observe('deliveryLatencyMs', latencyMs);
  }

  /** The tab was closed: a reopened tab starts counting afresh. */
  forget(tab: number): void {
    this.last.delete(tab);
    this.waitingSince.delete(tab);
  }

  /** End of run: tabs still waiting for a connection lost everything published since they last had one. */
  settle(stillWaiting: Iterable<number>): void {
    for (const tab of stillWaiting) {
      this.m.inc('tabsStarved');
      const from = this.last.get(tab) ?? this.waitingSince.get(tab) ?? this.logLength();
      this.m.inc('eventsLost', this.logLength() - from);
    }
  }
}

/** Counts reconnect attempts and the most of them seen within any one-second window. */
export class ReconnectStats {
  private readonly times: number[] = [];
  private head = 0;

  constructor(private readonly m: Writer) {}

  attempt(now: number): void {
    this.m.inc('reconnects');
    this.times.push(now);
    while ((this.times[this.head] as number) <= now - 1000) this.head++;
    const inWindow = this.times.length - this.head;
    const peak = this.m.count('reconnectPeakPerSecond');
    if (inWindow > peak) this.m.inc('reconnectPeakPerSecond', inWindow - peak);
  }
}
