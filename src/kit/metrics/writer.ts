import type { Metrics } from '../../engine/metrics';
import {
  checkName,
  labelledKey,
  type LabelOf,
  type MetricSpec,
  type MetricTable,
  type NamesOfKind,
} from './table';

/** Area under a gauge: level × time, accrued at every change of the level. */
interface Integral {
  key: string;
  level: number;
  since: number;
  area: number;
}

/**
 * Writes one run's metrics through the lesson's table. Every metric is declared at
 * the start (counters and integrals at 0, gauges at 0, empty summaries), so a figure
 * that never moved still reads as 0. A labelled write also counts in the total.
 * Name lookups are resolved once per (name, label), so the hot path allocates nothing.
 */
export class MetricWriter<T extends MetricTable> {
  private readonly keys = new Map<string, Map<string | undefined, string[]>>();
  private readonly kinds = new Map<string, MetricSpec['kind']>();
  private readonly integrals = new Map<string, Integral>();

  constructor(
    private readonly m: Metrics,
    private readonly table: T,
    private readonly now: () => number,
  ) {
    for (const [name, spec] of Object.entries(table)) {
      for (const key of this.allKeys(name, spec)) {
        if (spec.kind === 'counter') m.declare(key);
        else if (spec.kind === 'summary') m.declareSummary(key);
        else if (spec.kind === 'gauge') m.set(key, 0);
        else if (spec.kind === 'integral') {
          m.declare(key);
          this.integrals.set(key, { key, level: 0, since: 0, area: 0 });
        }
      }
    }
  }

  private allKeys(name: string, spec: MetricSpec): string[] {
    const labelled = (spec.labels ?? []).map((l) => labelledKey(l, name, spec));
    return spec.labelledOnly ? labelled : [name, ...labelled];
  }

  /** The keys one write goes to: the labelled series and (unless labelledOnly) the total. */
  private resolve(name: string, label: string | undefined, kind: MetricSpec['kind']): string[] {
    // Two map lookups, no string building: this runs on every write.
    let byLabel = this.keys.get(name);
    if (!byLabel) this.keys.set(name, (byLabel = new Map()));
    let ks = byLabel.get(label);
    if (!ks) {
      const spec = checkName(this.table, name, label);
      if (spec.kind !== kind) throw new Error(`metric "${name}" is a ${spec.kind}, not a ${kind}`);
      if (label === undefined && spec.labelledOnly)
        throw new Error(`metric "${name}" is kept per label only; give one of ${spec.labels?.join(', ')}`);
      ks =
        label === undefined
          ? [name]
          : spec.labelledOnly
            ? [labelledKey(label, name, spec)]
            : [name, labelledKey(label, name, spec)];
      byLabel.set(label, ks);
      this.kinds.set(name, spec.kind);
    } else if (this.kinds.get(name) !== kind) {
      throw new Error(`metric "${name}" is a ${this.kinds.get(name)}, not a ${kind}`);
    }
    return ks;
  }

  inc<N extends NamesOfKind<T, 'counter'>>(name: N, by = 1, label?: LabelOf<T, N>): void {
    for (const k of this.resolve(name, label, 'counter')) this.m.inc(k, by);
  }

  count<N extends NamesOfKind<T, 'counter'>>(name: N, label?: LabelOf<T, N>): number {
    return this.m.count(this.resolve(name, label, 'counter')[0] as string);
  }

  /** Sets a gauge; with a label, the total moves by the same difference. */
  set<N extends NamesOfKind<T, 'gauge'>>(name: N, value: number, label?: LabelOf<T, N>): void {
    const ks = this.resolve(name, label, 'gauge');
    this.add(name, value - this.m.gauge(ks[ks.length - 1] as string), label);
  }

  add<N extends NamesOfKind<T, 'gauge'>>(name: N, delta: number, label?: LabelOf<T, N>): void {
    for (const k of this.resolve(name, label, 'gauge')) this.m.set(k, this.m.gauge(k) + delta);
  }

  gauge<N extends NamesOfKind<T, 'gauge'>>(name: N, label?: LabelOf<T, N>): number {
    const ks = this.resolve(name, label, 'gauge');
    return this.m.gauge(ks[ks.length - 1] as string);
  }

  observe<N extends NamesOfKind<T, 'summary'>>(name: N, value: number, label?: LabelOf<T, N>): void {
    for (const k of this.resolve(name, label, 'summary')) this.m.observe(k, value);
  }

  /**
   * Moves the level of a time integral (e.g. open connections for connection-ms):
   * the area up to now is accrued first, at the old level.
   */
  level<N extends NamesOfKind<T, 'integral'>>(name: N, delta: number, label?: LabelOf<T, N>): void {
    for (const k of this.resolve(name, label, 'integral')) {
      const i = this.integrals.get(k)!;
      this.accrue(i);
      i.level += delta;
    }
  }

  /** Accrues every integral up to now (the end-of-run hook calls it). */
  settle(): void {
    for (const i of this.integrals.values()) this.accrue(i);
  }

  private accrue(i: Integral): void {
    const t = this.now();
    i.area += i.level * (t - i.since);
    i.since = t;
    this.m.inc(i.key, i.area - this.m.count(i.key));
  }
}
