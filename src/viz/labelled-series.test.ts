import { describe, expect, test } from 'vitest';
import { labelledSeries, maxUpTo, valueAt } from './labelled-series';

const s = (t: number[], v: number[]) => ({ t: Float64Array.from(t), v: Float64Array.from(v) });

describe('labelled gauge series', () => {
  const gauges = new Map([
    ['s10ShardLoad', s([0], [1])],
    ['s2ShardLoad', s([0, 500], [3, 7])],
    ['shardLoad', s([0], [99])],
    ['queueDepth', s([0], [5])],
    ['s0ShardLoad', s([0, 1000], [0, 40])],
  ]);

  test('picks the labelled series of one gauge, in natural label order', () => {
    expect(labelledSeries(gauges, 'shardLoad').map((x) => x.label)).toEqual(['s0', 's2', 's10']);
    expect(labelledSeries(gauges, 'shardLoad', 2).map((x) => x.label)).toEqual(['s0', 's2']);
    expect(labelledSeries(gauges, 'missing')).toEqual([]);
  });

  test('values step at their sample times; the max never looks ahead', () => {
    const all = labelledSeries(gauges, 'shardLoad');
    expect(valueAt(all[1]!.series, 499)).toBe(3);
    expect(valueAt(all[1]!.series, 500)).toBe(7);
    expect(maxUpTo(all, 600)).toBe(7);
    expect(maxUpTo(all, 1000)).toBe(40);
  });
});

describe('ring arcs', () => {
  test('arc lengths are proportional to the shares and tile the circle', async () => {
    const { ringSpans } = await import('./ring');
    const spans = ringSpans([1, 0, 3]);
    expect(spans[0]!.end - spans[0]!.start).toBeCloseTo(Math.PI / 2, 12);
    expect(spans[1]!.end - spans[1]!.start).toBe(0);
    expect(spans[2]!.end).toBeCloseTo(2 * Math.PI, 12);
    expect(ringSpans([0, 0]).every((s) => s.start === 0 && s.end === 0)).toBe(true);
  });
});
