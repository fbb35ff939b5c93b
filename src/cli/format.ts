import { round, type LatencySummary, type MetricValue } from '../engine/metrics';
import { aggregateNote } from '../lesson/run-mode';
import type { RunSummary } from './runner';

function durationOf(r: RunSummary): number {
  return Number(r.params.durationMs);
}

/** The one JSON object `--json` prints. */
export function toJson(r: RunSummary): string {
  return JSON.stringify({
    lesson: r.lessonId,
    seed: r.seed,
    params: r.params,
    ...(r.mode ? { mode: r.mode, traceEvents: r.traceEvents } : {}),
    ...(r.mode === 'aggregate'
      ? {
          traceEndsAtMs: r.traceEndsAtMs,
          note: aggregateNote({ ...r, durationMs: durationOf(r) }),
        }
      : {}),
    metrics: r.metrics,
    goals: r.goals.map(({ id, title, passed, detail }) => ({ id, title, passed, detail })),
    ...(r.diagnostics.length ? { diagnostics: r.diagnostics } : {}),
  });
}

function metricText(v: MetricValue): string {
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(3);
  return `p50 ${v.p50}  p90 ${v.p90}  p99 ${v.p99}  mean ${v.mean}  max ${v.max}  (n=${v.count})`;
}

/** A readable report: params, metrics, goals. */
export function toTable(r: RunSummary, title: string): string {
  const lines: string[] = [`${title} (${r.lessonId}), seed ${r.seed}`, '', 'params'];
  const pad = (s: string, n: number) => s.padEnd(n);
  const pw = Math.max(...Object.keys(r.params).map((k) => k.length));
  for (const [k, v] of Object.entries(r.params)) lines.push(`  ${pad(k, pw)}  ${v}`);
  const note = aggregateNote({ ...r, durationMs: durationOf(r) });
  if (note) lines.push('', `aggregate mode: ${note}`);
  lines.push('', 'metrics');
  const mw = Math.max(0, ...Object.keys(r.metrics).map((k) => k.length));
  for (const [k, v] of Object.entries(r.metrics)) lines.push(`  ${pad(k, mw)}  ${metricText(v)}`);
  lines.push('', 'goals');
  for (const g of r.goals) lines.push(`  ${g.passed ? 'PASS' : 'FAIL'}  ${g.title}`, `        ${g.detail}`);
  for (const d of r.diagnostics) lines.push('', `problem: ${d.message}${d.line ? ` (line ${d.line})` : ''}`);
  return lines.join('\n');
}

/** One number's spread over the seeds (see README, "Headless runs"). */
export interface Distribution {
  min: number;
  p50: number;
  mean: number;
  max: number;
  /** Population standard deviation. */
  sd: number;
  /** One value per seed, in the order of `seeds`. */
  values: number[];
}

export function distribution(values: number[]): Distribution {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  const mean = n ? s.reduce((a, b) => a + b, 0) / n : 0;
  const sd = n ? Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / n) : 0;
  const mid = n ? (n % 2 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2) : 0;
  return { min: s[0] ?? 0, p50: round(mid), mean: round(mean), max: s[n - 1] ?? 0, sd: round(sd), values };
}

const SUMMARY_FIELDS: (keyof LatencySummary)[] = ['p50', 'p90', 'p99', 'mean', 'max', 'count'];

/** Per-metric distributions over the seeds: a number metric gives one, a latency summary one per field. */
export function metricDistributions(
  rs: RunSummary[],
): Record<string, Distribution | Record<string, Distribution>> {
  const out: Record<string, Distribution | Record<string, Distribution>> = {};
  const names = [...new Set(rs.flatMap((r) => Object.keys(r.metrics)))];
  for (const name of names) {
    const vals = rs.map((r) => r.metrics[name]);
    if (vals.every((v) => typeof v === 'number')) out[name] = distribution(vals as number[]);
    else if (vals.every((v) => typeof v === 'object' && v !== null)) {
      const fields: Record<string, Distribution> = {};
      for (const f of SUMMARY_FIELDS) fields[f] = distribution(vals.map((v) => (v as LatencySummary)[f]));
      out[name] = fields;
    }
  }
  return out;
}

export interface GoalRate {
  id: string;
  title: string;
  /** Runs (seeds) where the goal was met, out of `runs`. */
  passed: number;
  runs: number;
  passRate: number;
  failedSeeds: number[];
}

export function goalRates(rs: RunSummary[]): GoalRate[] {
  const first = rs[0]?.goals ?? [];
  return first.map(({ id, title }) => {
    const failedSeeds = rs.filter((r) => !r.goals.find((g) => g.id === id)?.passed).map((r) => r.seed);
    const passed = rs.length - failedSeeds.length;
    return {
      id,
      title,
      passed,
      runs: rs.length,
      passRate: round(rs.length ? passed / rs.length : 0),
      failedSeeds,
    };
  });
}

/** The one JSON object `--seeds ... --json` prints (shape documented in README, "Headless runs"). */
export function toSeedsJson(rs: RunSummary[]): string {
  const diagnostics = rs.flatMap((r) => r.diagnostics.map((d) => ({ seed: r.seed, ...d })));
  return JSON.stringify({
    lesson: rs[0]?.lessonId,
    seeds: rs.map((r) => r.seed),
    params: rs[0]?.params,
    ...(rs.some((r) => r.mode === 'aggregate')
      ? { mode: 'aggregate' }
      : rs[0]?.mode
        ? { mode: rs[0].mode }
        : {}),
    metrics: metricDistributions(rs),
    goals: goalRates(rs),
    ...(diagnostics.length ? { diagnostics } : {}),
  });
}

/** A readable summary over several seeds. */
export function toSeedsTable(rs: RunSummary[], title: string): string {
  const seeds = rs.map((r) => r.seed);
  const lines = [
    `${title} (${rs[0]?.lessonId}), ${rs.length} seeds (${seeds[0]}..${seeds[seeds.length - 1]})`,
    '',
    'metrics (min / median / mean / max over seeds)',
  ];
  const dists = metricDistributions(rs);
  const row = (d: Distribution) => `${d.min} / ${d.p50} / ${d.mean} / ${d.max}`;
  for (const [k, d] of Object.entries(dists)) {
    if ('values' in d) lines.push(`  ${k}  ${row(d as Distribution)}`);
    else for (const [f, fd] of Object.entries(d)) lines.push(`  ${k}.${f}  ${row(fd)}`);
  }
  lines.push('', 'goals (met in how many seeds)');
  for (const g of goalRates(rs)) lines.push(`  ${g.passed}/${g.runs}  ${g.title}`);
  return lines.join('\n');
}
