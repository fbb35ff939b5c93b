import type { Rng } from '../../src/engine/random';
import type { KvStore } from '../../src/kit/store/kv-store';
import { randomHex, teamMembers, type Shipment } from './leader';
import { rowsOf } from './statements';

/** The leader's PostgreSQL major version. */
export const LEADER_VERSION = 16;

/**
 * Physical (WAL) replication replays storage-level records: PostgreSQL requires the same major
 * version (and CPU architecture) on both ends (High Availability docs, "Log-Shipping Standby Servers").
 */
export const walBlocked = (followerVersion: number) => followerVersion !== LEADER_VERSION;

/**
 * A follower applies one shipment. Rows are written as shipped. A statement is run again:
 * NOW() reads the timestamp logged with it and a single-row INSERT takes the logged INSERT_ID,
 * so those replay the same; SYSDATE(), UUID() and RAND() are evaluated again here, and an
 * INSERT ... SELECT numbers its rows consecutively from the logged first id. Returns whether the
 * follower wrote exactly what the leader did.
 */
export function replay(store: KvStore<string>, s: Shipment, now: number, rng: Rng): boolean {
  const mine = s.asRows ? s.changes : runAgain(store, s, now, rng);
  const tx = store.begin();
  for (const [k, v] of mine) tx.put(k, v);
  tx.commit();
  if (s.asRows) return true;
  const theirs = new Map(s.changes);
  return mine.length === s.changes.length && mine.every(([k, v]) => theirs.get(k) === v);
}

function runAgain(store: KvStore<string>, s: Shipment, now: number, rng: Rng): [string, string][] {
  const [[key]] = s.changes as [[string, string]];
  switch (s.kind) {
    case 'set-name':
    case 'insert':
      return s.changes;
    case 'touch-now':
      return [[key, String(s.nowTs)]];
    case 'bulk':
      return teamMembers(s.team, rowsOf(s.kind)).map((x) => [
        `users/${x}/score`,
        String(Number(store.get(`users/${x}/score`) ?? 0) + 1),
      ]);
    case 'touch-sysdate':
      return [[key, String(now)]];
    case 'token-uuid':
      return [[key, randomHex(rng)]];
    case 'lucky-rand':
      return [[key, rng.next().toFixed(6)]];
    case 'insert-select':
      return teamMembers(s.team, rowsOf(s.kind)).map((x, j) => [
        `events/${s.firstId + j}/user_id`,
        String(x),
      ]);
  }
}
