import { describe, expect, test } from 'vitest';
import { bandText, hotText } from './ring-points';

describe('the ring band names what it draws', () => {
  test('every virtual node, or a sample of them saying 1 in how many, and the arcs that changed owner', () => {
    expect(bandText({ drawn: 1600, total: 1600, changed: 0, layout: 1, hot: 0, hottest: 0 })).toBe(
      '1,600 ring points',
    );
    expect(bandText({ drawn: 1700, total: 1700, changed: 100, layout: 1, hot: 0, hottest: 0 })).toBe(
      '1,700 ring points, 100 changed owner',
    );
    expect(bandText({ drawn: 4000, total: 64_000, changed: 0, layout: 1, hot: 0, hottest: 0 })).toBe(
      '4,000 of 64,000 ring points (1 in 16)',
    );
    expect(bandText({ drawn: 4096, total: 4096, changed: 240, layout: 2, hot: 0, hottest: 0 })).toBe(
      '4,096 chunks, 240 changed owner',
    );
    const hot = { drawn: 1600, total: 1600, changed: 0, layout: 1, hot: 8, hottest: 0.0937 };
    expect(bandText(hot)).toBe('1,600 ring points');
    expect(hotText(hot)).toBe('red ticks mark the 8 hottest keys, the hottest taking 9.4% of reads');
    expect(hotText({ ...hot, hot: 0 })).toBeUndefined();
    expect(bandText({ drawn: 0, total: 0, changed: 0, layout: 0, hot: 0, hottest: 0 })).toBeUndefined();
  });
});
