import { describe, expect, test } from 'vitest';
import { SNAPSHOT_MAX_ELEMENTS, SNAPSHOTS_PER_NAME, Snapshots, snapshotAt } from './snapshots';

describe('snapshots: static view data by virtual time', () => {
  test('each snapshot is in force from its time until the next; before the first there is none', () => {
    let now = 0;
    const s = new Snapshots(() => now);
    s.publish('map', { owners: Uint8Array.of(0, 1) });
    now = 500;
    s.publish('map', { owners: Uint8Array.of(0, 1, 2) });
    const list = s.toData().map!;
    expect(list.map((x) => x.atMs)).toEqual([0, 500]);
    expect(snapshotAt(list, 499)?.arrays.owners?.length).toBe(2);
    expect(snapshotAt(list, 500)?.arrays.owners?.length).toBe(3);
    expect(snapshotAt([{ atMs: 10, arrays: {} }], 5)).toBeUndefined();
    expect(snapshotAt(undefined, 5)).toBeUndefined();
  });

  test('published arrays are copied: the model may change its own, and each hand-over is fresh', () => {
    const s = new Snapshots(() => 0);
    const owners = Uint8Array.of(7);
    s.publish('map', { owners });
    owners[0] = 9;
    const a = s.toData().map![0]!.arrays.owners!;
    expect(a[0]).toBe(7);
    a[0] = 1;
    expect(s.toData().map![0]!.arrays.owners![0]).toBe(7);
  });

  test('a snapshot too large, or one name published too often, is refused', () => {
    const s = new Snapshots(() => 0);
    expect(() => s.publish('big', { a: new Float64Array(SNAPSHOT_MAX_ELEMENTS + 1) })).toThrow(
      /sample it down/,
    );
    for (let i = 0; i < SNAPSHOTS_PER_NAME; i++) s.publish('often', { a: Uint8Array.of(i) });
    expect(() => s.publish('often', { a: Uint8Array.of(0) })).toThrow(/more than/);
  });
});
