import { describe, expect, test } from 'vitest';
import { KvStore } from './kv-store';

describe('KvStore', () => {
  test('a transaction applies all its writes at commit, none before', () => {
    const db = new KvStore<number>();
    const seen: number[][] = [];
    db.onCommit((c) => seen.push([c.seq, c.writes.length]));
    const tx = db.begin();
    tx.put('count', 1);
    tx.put('processed:m1', 1);
    expect(tx.get('count')).toBe(1);
    expect(db.get('count')).toBeUndefined();
    expect(tx.commit()).toBe(1);
    expect(db.get('count')).toBe(1);
    expect(db.get('processed:m1')).toBe(1);
    expect(seen).toEqual([[1, 2]]);
    expect(() => tx.put('x', 1)).toThrow(/no longer open/);
  });

  test('a crash rolls back open transactions and keeps committed data', () => {
    const db = new KvStore<number>();
    db.put('count', 5);
    const a = db.begin();
    a.put('count', 6);
    const b = db.begin();
    b.delete('count');
    expect(db.crash()).toBe(2);
    expect(db.get('count')).toBe(5);
    expect(db.aborted).toBe(2);
    expect(() => a.commit()).toThrow(/lost in a crash/);
    expect(db.commits).toBe(1);
  });

  test('deletes inside a transaction are seen by its reads and applied at commit', () => {
    const db = new KvStore<string>();
    db.put('k', 'v');
    const tx = db.begin();
    tx.delete('k');
    expect(tx.get('k')).toBeUndefined();
    expect(db.has('k')).toBe(true);
    tx.commit();
    expect(db.has('k')).toBe(false);
    expect(db.size).toBe(0);
  });
});
