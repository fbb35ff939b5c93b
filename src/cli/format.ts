import type { MetricValue } from '../engine/metrics';
import type { RunResult } from '../lesson/types';

/** The one JSON object `--json` prints. */
export function toJson(r: RunResult): string {
  return JSON.stringify({
    lesson: r.lessonId,
    seed: r.seed,
    params: r.params,
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
export function toTable(r: RunResult, title: string): string {
  const lines: string[] = [`${title} (${r.lessonId}), seed ${r.seed}`, '', 'params'];
  const pad = (s: string, n: number) => s.padEnd(n);
  const pw = Math.max(...Object.keys(r.params).map((k) => k.length));
  for (const [k, v] of Object.entries(r.params)) lines.push(`  ${pad(k, pw)}  ${v}`);
  lines.push('', 'metrics');
  const mw = Math.max(0, ...Object.keys(r.metrics).map((k) => k.length));
  for (const [k, v] of Object.entries(r.metrics)) lines.push(`  ${pad(k, mw)}  ${metricText(v)}`);
  lines.push('', 'goals');
  for (const g of r.goals) lines.push(`  ${g.passed ? 'PASS' : 'FAIL'}  ${g.title}`, `        ${g.detail}`);
  for (const d of r.diagnostics) lines.push('', `problem: ${d.message}${d.line ? ` (line ${d.line})` : ''}`);
  return lines.join('\n');
}
