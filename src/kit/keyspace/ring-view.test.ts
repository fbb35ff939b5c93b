import { describe, expect, test } from 'vitest';
import { Rng } from '../../engine/random';
import { HASH_SPACE } from './hash';
import { ARC_CHUNK, ARC_POINT, ARC_RANGE, keyPositions, RING_VIEW_MAX_ARCS, ringViewData } from './ring-view';
import { hash32 } from './hash';
import { DIRECTORY_CHUNKS, directory, evenRanges, hashMod, ring, withShard } from './routers';

const draw = (seed: number) => {
  const r = new Rng(seed).fork('ring');
  return () => r.next();
};

describe('the ring view data of a shard map', () => {
  test('a ring shows every virtual node at its position, coloured by its shard', () => {
    const m = ring(16, 100, draw(1));
    const d = ringViewData(m)!;
    expect(d.ends.length).toBe(1600);
    expect(d.total[0]).toBe(1600);
    expect(d.layout[0]).toBe(ARC_POINT);
    expect(d.ends[10]).toBe(m.points[10]! / HASH_SPACE);
    expect([...d.owners]).toEqual([...m.owners]);
    for (let s = 0; s < 16; s++) expect(d.owners.filter((o) => o === s).length).toBe(100);
    expect(d.changed.every((c) => c === 0)).toBe(true);
  });

  test('after a shard joins, exactly the arcs in front of its new points changed owner', () => {
    const before = ring(8, 20, draw(2));
    const after = withShard(before, draw(3));
    const d = ringViewData(after, before)!;
    for (let i = 0; i < d.ends.length; i++) expect(d.changed[i]).toBe(d.owners[i] === 8 ? 1 : 0);
    expect(d.changed.reduce((a, b) => a + b, 0)).toBe(20);
  });

  test('a large ring is sampled down to the cap, keeping true positions, and says from how many', () => {
    const m = ring(64, 1000, draw(4));
    const d = ringViewData(m)!;
    expect(d.ends.length).toBeLessThanOrEqual(RING_VIEW_MAX_ARCS);
    expect(d.ends.length).toBeGreaterThan(RING_VIEW_MAX_ARCS / 2);
    expect(d.total[0]).toBe(64_000);
    for (let j = 1; j < d.ends.length; j++) expect(d.ends[j]!).toBeGreaterThanOrEqual(d.ends[j - 1]!);
  });

  test('the directory shows its chunks, the moved ones marked; ranges show the split half; mod N has no arcs', () => {
    const dir = directory(10);
    const dd = ringViewData(withShard(dir, draw(1)), dir)!;
    expect(dd.ends.length).toBe(DIRECTORY_CHUNKS);
    expect(dd.layout[0]).toBe(ARC_CHUNK);
    expect(dd.changed.reduce((a, b) => a + b, 0)).toBe(Math.floor(DIRECTORY_CHUNKS / 11));
    const r = evenRanges(1000, 4);
    const rd = ringViewData(withShard(r, draw(1)), r)!;
    expect(rd.layout[0]).toBe(ARC_RANGE);
    expect([...rd.ends]).toEqual([0.125, 0.25, 0.5, 0.75, 1]);
    expect([...rd.owners]).toEqual([0, 4, 1, 2, 3]);
    expect([...rd.changed]).toEqual([0, 1, 0, 0, 0]);
    expect(ringViewData(hashMod(4))).toBeUndefined();
  });

  test('hot keys sit by hash on hashed maps and bunch together on key ranges (a hot range)', () => {
    const hashed = keyPositions(ring(4, 10, draw(1)), [0, 1, 2]);
    expect([...hashed]).toEqual([0, 1, 2].map((k) => hash32(k) / HASH_SPACE));
    const ranged = keyPositions(evenRanges(1000, 4), [0, 1, 2]);
    expect([...ranged]).toEqual([0, 0.001, 0.002]);
  });
});
