import { describe, expect, it } from 'vitest';
import { labelsToHide, quadOf, quadsOverlap } from './label-collide';

const I = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const rotate = (deg: number, e = 0, f = 0) => {
  const r = (deg * Math.PI) / 180;
  return { a: Math.cos(r), b: Math.sin(r), c: -Math.sin(r), d: Math.cos(r), e, f };
};

describe('label collisions', () => {
  it('tells overlapping boxes from separate ones, rotated too', () => {
    const a = quadOf({ x: 0, y: 0, width: 40, height: 10 }, I, 0);
    expect(quadsOverlap(a, quadOf({ x: 30, y: 5, width: 40, height: 10 }, I, 0))).toBe(true);
    expect(quadsOverlap(a, quadOf({ x: 50, y: 0, width: 40, height: 10 }, I, 0))).toBe(false);
    // Two labels along rays 45 degrees apart, starting 30 px from a centre: no overlap though their
    // axis-aligned boxes would.
    const ray = (deg: number) => {
      const m = rotate(deg);
      return quadOf({ x: 30, y: -5, width: 40, height: 10 }, m, 0);
    };
    expect(quadsOverlap(ray(0), ray(45))).toBe(false);
    expect(quadsOverlap(ray(0), ray(5))).toBe(true);
  });

  it('keeps labels in priority order and hides those that would overlap', () => {
    const box = (x: number) => quadOf({ x, y: 0, width: 20, height: 10 }, I, 0);
    expect([...labelsToHide([box(0), box(10), box(25), box(50)])]).toEqual([1]);
    expect([...labelsToHide([box(0)], [box(5)])]).toEqual([0]);
  });
});

describe('labels always shown', () => {
  it('places core labels first, ignoring obstacles, and the rest around them', () => {
    const box = (x: number) =>
      quadOf({ x, y: 0, width: 20, height: 10 }, { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }, 0);
    expect([...labelsToHide([box(0), box(10)], [box(0)], (i) => i === 1)]).toEqual([0]);
  });
});
