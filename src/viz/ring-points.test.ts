import { describe, expect, test } from 'vitest';
import { bandText } from './ring-points';

describe('the ring band names what it draws', () => {
  test('every virtual node, or a sample of them saying 1 in how many, and the arcs that changed owner', () => {
    expect(bandText({ drawn: 1600, total: 1600, changed: 0, layout: 1 })).toBe('1,600 ring points');
    expect(bandText({ drawn: 1700, total: 1700, changed: 100, layout: 1 })).toBe(
      '1,700 ring points, 100 changed owner',
    );
    expect(bandText({ drawn: 4000, total: 64_000, changed: 0, layout: 1 })).toBe(
      '4,000 of 64,000 ring points (1 in 16)',
    );
    expect(bandText({ drawn: 4096, total: 4096, changed: 240, layout: 2 })).toBe(
      '4,096 chunks, 240 changed owner',
    );
    expect(bandText({ drawn: 0, total: 0, changed: 0, layout: 0 })).toBeUndefined();
  });
});
