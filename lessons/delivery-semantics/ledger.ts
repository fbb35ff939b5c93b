import type { MetricWriter } from '../../src/kit/metrics/writer';
import type { deliveryMetrics } from './metrics';

/**
 * What happened to each message, by offset: whether a delivery's transaction committed
 * (handled) and how much it added to the count (applied). The judge of the run, outside
 * the actors: nothing here is visible to the learner's code.
 */
export class Ledger {
  readonly appendedAt: number[] = [];
  private readonly handled: boolean[] = [];
  private readonly applied: number[] = [];
  /** Offsets below this were judged lost or not when the consumer last started over. */
  private scanned = 0;

  constructor(private readonly m: MetricWriter<typeof deliveryMetrics>) {}

  appended(at: number): void {
    this.appendedAt.push(at);
    this.handled.push(false);
    this.applied.push(0);
    this.m.inc('expectedEffects');
  }

  /** A delivery starts; true when an earlier delivery's transaction already committed. */
  delivered(offset: number): boolean {
    this.m.inc('deliveries');
    const again = this.handled[offset] === true;
    if (again) this.m.inc('duplicateDeliveries');
    return again;
  }

  /** A delivery's transaction committed, adding `delta` to the count. */
  committed(offset: number, delta: number, wrote: boolean, now: number): void {
    this.m.inc('txCommitted');
    if (wrote) this.handled[offset] = true;
    if (delta === 0) return;
    this.m.inc('effectsApplied', delta);
    const before = this.applied[offset] as number;
    const after = (this.applied[offset] = before + delta);
    if (before === 0 && after > 0) this.m.observe('effectDelayMs', now - (this.appendedAt[offset] as number));
    this.m.add('duplicatesSoFar', Math.max(0, after - 1) - Math.max(0, before - 1));
  }

  /**
   * The consumer starts over from `committed`: every message below it whose effect never
   * committed is skipped for good.
   */
  startOver(committed: number): void {
    for (let o = this.scanned; o < committed; o++) if (this.applied[o] === 0) this.m.add('lostSoFar', 1);
    this.scanned = Math.max(this.scanned, committed);
  }

  /** End of the run: the final counts. `inHand` = offsets the consumer still holds to process. */
  finish(committed: number, inHand: (offset: number) => boolean): void {
    let dup = 0;
    let lost = 0;
    let pending = 0;
    for (let o = 0; o < this.applied.length; o++) {
      const a = this.applied[o] as number;
      dup += Math.max(0, a - 1);
      if (a > 0) continue;
      if (o >= committed || inHand(o)) pending++;
      else lost++;
    }
    this.m.inc('duplicateEffects', dup);
    this.m.inc('lostEffects', lost);
    this.m.inc('pendingAtEnd', pending);
  }
}
