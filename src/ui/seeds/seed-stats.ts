import { quantileSorted } from 'd3';
import type { SeedOutcome } from '../../state/slices/run-slice';

/** One metric over the seeds: every seed's value and the five numbers of a box plot. */
export interface MetricSpread {
  name: string;
  values: { seed: number; value: number }[];
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** A goal over the seeds: in how many it passed. */
export interface GoalRate {
  id: string;
  title: string;
  passed: number;
  total: number;
}

/** Counters as they are; latency summaries as their p50 and p99 (what goals usually judge). */
function figures(o: SeedOutcome): [string, number][] {
  const out: [string, number][] = [];
  for (const [name, v] of Object.entries(o.metrics)) {
    if (typeof v === 'number') out.push([name, v]);
    else if (v.count > 0) out.push([`${name} p50`, v.p50], [`${name} p99`, v.p99]);
  }
  return out;
}

export function metricSpreads(outcomes: readonly SeedOutcome[]): MetricSpread[] {
  const by = new Map<string, { seed: number; value: number }[]>();
  for (const o of outcomes)
    for (const [name, value] of figures(o))
      if (Number.isFinite(value)) by.set(name, [...(by.get(name) ?? []), { seed: o.seed, value }]);
  return [...by]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => {
      const sorted = values.map((v) => v.value).sort((a, b) => a - b);
      const q = (p: number) => quantileSorted(sorted, p) ?? Number.NaN;
      return { name, values, min: sorted[0]!, q1: q(0.25), median: q(0.5), q3: q(0.75), max: sorted.at(-1)! };
    });
}

export function goalRates(outcomes: readonly SeedOutcome[]): GoalRate[] {
  const rates = new Map<string, GoalRate>();
  for (const o of outcomes)
    for (const g of o.goals) {
      const r = rates.get(g.id) ?? { id: g.id, title: g.title, passed: 0, total: 0 };
      r.total++;
      if (g.passed) r.passed++;
      rates.set(g.id, r);
    }
  return [...rates.values()];
}
