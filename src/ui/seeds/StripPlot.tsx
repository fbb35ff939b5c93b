import { formatNumber } from '../format';
import type { MetricSpread } from './seed-stats';

const W = 240;
const H = 26;
const PAD = 6;

/**
 * One metric over the seeds: a box from the first to the third quartile with the median,
 * whiskers to min and max, and a dot per seed (the seed on screen ringed). Each dot's
 * title names its seed and value.
 */
export function StripPlot({ spread, current }: { spread: MetricSpread; current: number }) {
  const { min, max } = spread;
  const span = max - min;
  // Every seed equal: one column of dots in the middle.
  const x = (v: number) => (span === 0 ? W / 2 : PAD + ((v - min) / span) * (W - 2 * PAD));
  const mid = H / 2;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="strip-plot"
      role="img"
      aria-label={`${spread.name}: median ${formatNumber(spread.median)}, from ${formatNumber(min)} to ${formatNumber(max)} over ${spread.values.length} seeds`}
    >
      <line x1={x(min)} x2={x(max)} y1={mid} y2={mid} className="whisker" />
      <rect
        x={x(spread.q1)}
        y={mid - 7}
        width={Math.max(1, x(spread.q3) - x(spread.q1))}
        height={14}
        className="box"
      />
      <line x1={x(spread.median)} x2={x(spread.median)} y1={mid - 8} y2={mid + 8} className="median" />
      {spread.values.map((v, i) => (
        <circle
          key={v.seed}
          // A small deterministic vertical jitter keeps equal values apart.
          cy={mid + ((i % 5) - 2) * 2}
          cx={x(v.value)}
          r={v.seed === current ? 3.5 : 2.5}
          className={v.seed === current ? 'dot current' : 'dot'}
        >
          <title>{`seed ${v.seed}: ${formatNumber(v.value)}`}</title>
        </circle>
      ))}
    </svg>
  );
}
