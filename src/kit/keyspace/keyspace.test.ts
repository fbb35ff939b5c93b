import { describe, expect, test } from 'vitest';
import { Rng } from '../../engine/random';
import { movedFractionConsistent, movedFractionModN, shareRelativeStd } from '../theory/hashing';
import { hash32 } from './hash';
import { imbalance, keyMoves, keysPerShard, ownersOf, relativeSpread } from './moves';
import {
  DIRECTORY_CHUNKS,
  directory,
  evenRanges,
  hashMod,
  ownerOf,
  ring,
  ringOwner,
  ringShares,
  withShard,
  type ShardMapData,
} from './routers';

const KEYS = 200_000;
const owners = (m: ShardMapData, keys = KEYS) => ownersOf(keys, (k) => ownerOf(m, k));
const moved = (a: ShardMapData, b: ShardMapData, keys = KEYS) =>
  keyMoves(owners(a, keys), owners(b, keys), b.shards);
const draw = (seed: number) => {
  const r = new Rng(seed).fork('ring');
  return () => r.next();
};

describe('hash32 (MurmurHash3 x86_32 of one 4-byte block)', () => {
  test('matches the reference implementation', () => {
    // Reference values: smhasher MurmurHash3_x86_32 of the little-endian int32, seed 0.
    expect(hash32(0)).toBe(0x2362f9de);
    expect(hash32(1)).toBe(0xfbf1402a);
    expect(hash32(0, 1)).not.toBe(hash32(0));
  });

  test('spreads consecutive ids evenly over 16 buckets (chi-square)', () => {
    const n = 160_000;
    const b = new Int32Array(16);
    for (let k = 0; k < n; k++) b[hash32(k) >>> 28]!++;
    const e = n / 16;
    const chi = [...b].reduce((s, x) => s + (x - e) ** 2 / e, 0);
    expect(chi).toBeLessThan(37.7); // 15 degrees of freedom, p = 0.001
  });
});

describe('routers', () => {
  test('every scheme maps every key to a shard in range, and agrees with itself', () => {
    for (const m of [evenRanges(10_000, 7), hashMod(7), ring(7, 10, draw(1)), directory(7)]) {
      const o = owners(m, 10_000);
      expect(keysPerShard(o, 7).every((x) => x > 0)).toBe(true);
      expect(o.every((s) => s < 7)).toBe(true);
      expect(Buffer.from(owners(m, 10_000)).equals(Buffer.from(o))).toBe(true);
    }
  });

  test('one shard owns everything', () => {
    for (const m of [evenRanges(100, 1), hashMod(1), ring(1, 1, draw(1)), directory(1)])
      expect(owners(m, 100).every((s) => s === 0)).toBe(true);
  });

  test('a ring built at once equals one grown shard by shard (adding keeps every point)', () => {
    const a = ring(5, 7, draw(3));
    const d = draw(3);
    let b = ring(1, 7, d);
    for (let s = 1; s < 5; s++) b = withShard(b, d) as typeof b;
    expect([...a.points]).toEqual([...b.points]);
    expect([...a.owners]).toEqual([...b.owners]);
  });

  test('the ring walks clockwise and wraps past the last point', () => {
    const r = ring(3, 1, draw(5));
    const last = r.points[r.points.length - 1]!;
    expect(ringOwner(r, last + 1)).toBe(r.owners[0]);
    expect(ringOwner(r, r.points[1]!)).toBe(r.owners[1]);
    expect(ringOwner(r, 0)).toBe(r.owners[0]);
  });

  test('the directory rebalance gives the new shard ⌊Q/(N+1)⌋ chunks and leaves the rest alone', () => {
    const d = directory(10);
    const e = withShard(d, draw(1));
    if (e.kind !== 'directory') throw new Error('kind');
    expect(e.owners.filter((o) => o === 10).length).toBe(Math.floor(DIRECTORY_CHUNKS / 11));
    for (let c = 0; c < DIRECTORY_CHUNKS; c++) if (e.owners[c] !== 10) expect(e.owners[c]).toBe(d.owners[c]);
  });
});

describe('keys moved when a shard joins, against src/kit/theory/hashing', () => {
  test('hash mod N moves N/(N+1)', () => {
    for (const n of [1, 4, 10, 63]) {
      const f = moved(hashMod(n), hashMod(n + 1)).fraction;
      expect(f).toBeCloseTo(movedFractionModN(n, n + 1), 2);
    }
  });

  test('a ring moves about 1/(N+1), over seeds, and only onto the new shard', () => {
    for (const n of [4, 10, 32]) {
      const fs: number[] = [];
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const before = ring(n, 200, draw(seed));
        const mv = moved(before, withShard(before, draw(seed + 100)));
        fs.push(mv.fraction);
        // Keys only ever move to the new shard: no flow between old shards.
        for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) expect(mv.flows[a * mv.stride + b]).toBe(0);
      }
      const mean = fs.reduce((a, b) => a + b) / fs.length;
      expect(Math.abs(mean / movedFractionConsistent(n) - 1)).toBeLessThan(0.1);
    }
  });

  test('ranges move half of one range; the directory ⌊Q/(N+1)⌋/Q', () => {
    expect(moved(evenRanges(KEYS, 10), withShard(evenRanges(KEYS, 10), draw(1))).fraction).toBeCloseTo(
      0.05,
      3,
    );
    const f = moved(directory(10), withShard(directory(10), draw(1))).fraction;
    expect(f).toBeCloseTo(Math.floor(DIRECTORY_CHUNKS / 11) / DIRECTORY_CHUNKS, 2);
  });
});

describe('load spread of a ring with v virtual nodes', () => {
  test('the spread of shares across shards is about sqrt((N−1)/(Nv+1)), seeded, over many rings', () => {
    for (const [n, v] of [
      [16, 1],
      [16, 10],
      [20, 100],
      [64, 1000],
    ] as const) {
      let sq = 0;
      const trials = 30;
      for (let t = 0; t < trials; t++) sq += relativeSpread(ringShares(ring(n, v, draw(t + 1)))) ** 2;
      const rms = Math.sqrt(sq / trials);
      expect(Math.abs(rms / shareRelativeStd(n, v) - 1), `N=${n} v=${v}`).toBeLessThan(0.12);
    }
  });

  test('keys follow the arcs: key shares match ring shares with many keys', () => {
    const r = ring(10, 50, draw(9));
    const k = keysPerShard(owners(r), 10);
    const s = ringShares(r);
    for (let i = 0; i < 10; i++) expect(k[i]! / KEYS).toBeCloseTo(s[i]!, 2);
    expect(imbalance(k)).toBeGreaterThanOrEqual(1);
  });
});
