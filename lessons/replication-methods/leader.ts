import type { Rng } from '../../src/engine/random';
import type { Simulation } from '../../src/engine/sim';
import { KvStore } from '../../src/kit/store/kv-store';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { ReplicationMethodsApi } from './api';
import { EVENT_ROW_BYTES, PAGE_BYTES, TEAMS, USER_ROW_BYTES, WAL_RECORD_BYTES } from './constants';
import type { ReplicationMethodsParams } from './params';
import { isInsert, rowBytes, rowsOf, sqlOf, statementBytes, type Kind } from './statements';

/** One committed statement as shipped to the followers. */
export interface Shipment {
  kind: Kind;
  sql: string;
  team: number;
  /** The statement's start time: MySQL writes it into the binlog event, so NOW() replays the same. */
  nowTs: number;
  /** The first AUTO_INCREMENT id it took (MySQL's INSERT_ID event). */
  firstId: number;
  /** Column values the leader wrote (`users/17/name` → value): shipped as such when asRows. */
  changes: [string, string][];
  asRows: boolean;
  bytes: number;
  /** What row-based replication would have shipped for it. */
  rowBytes: number;
}

/** The members of a team: users u with u mod TEAMS = team. */
export function teamMembers(team: number, size: number): number[] {
  return Array.from({ length: size }, (_, j) => team + TEAMS * j);
}

export const randomHex = (rng: Rng) => Math.floor(rng.next() * 2 ** 48).toString(16);

/**
 * The leader runs statements from many sessions at once (each for its own time) and commits
 * them in the order they finish; that commit order is the log's order. AUTO_INCREMENT ids are
 * taken when rows are inserted (InnoDB innodb_autoinc_lock_mode = 2, "interleaved", the
 * default since MySQL 8.0): a single-row INSERT at its start, an INSERT ... SELECT row by row
 * as it runs, so a concurrent insert can take an id in the middle of its range.
 */
export class Leader {
  readonly store = new KvStore<string>();
  private nextId = 1;
  private insertsRunning = 0;
  private readonly pagesLogged = new Set<string>();

  constructor(
    private readonly sim: Simulation,
    private readonly method: ReplicationMethodsParams['method'],
    private readonly learner: ReplicationMethodsApi,
    private readonly rng: Rng,
  ) {}

  run(kind: Kind, user: number, team: number, durationMs: number, commit: (s: Shipment) => void): void {
    const start = this.sim.now;
    const concurrentInserts = isInsert(kind) ? this.insertsRunning : 0;
    const ids: number[] = [];
    const n = rowsOf(kind);
    if (kind === 'insert') ids.push(this.nextId++);
    if (kind === 'insert-select')
      for (let j = 0; j < n; j++)
        this.sim.scheduler.at(start + (durationMs * j) / n, () => ids.push(this.nextId++));
    if (isInsert(kind)) this.insertsRunning++;
    this.sim.scheduler.at(start + durationMs, () => {
      if (isInsert(kind)) this.insertsRunning--;
      const changes = this.changes(kind, user, team, start, ids);
      const tx = this.store.begin();
      for (const [k, v] of changes) tx.put(k, v);
      tx.commit();
      const sql = sqlOf(kind, user, team);
      let asRows = this.method !== 'statement';
      if (!asRows) {
        const ok = this.learner.shipAsStatement(Object.freeze({ sql, rowsAffected: n, concurrentInserts }));
        if (typeof ok !== 'boolean')
          learnerMistake(`shipAsStatement must return true or false; it returned ${String(ok)}`);
        asRows = !ok;
      }
      const bytes =
        this.method === 'wal' ? this.walBytes(changes) : asRows ? rowBytes(kind) : statementBytes(kind, sql);
      commit({
        kind,
        sql,
        team,
        nowTs: start,
        firstId: ids[0] ?? 0,
        changes,
        asRows,
        bytes,
        rowBytes: rowBytes(kind),
      });
    });
  }

  private changes(kind: Kind, user: number, team: number, start: number, ids: number[]): [string, string][] {
    const u = `users/${user}`;
    switch (kind) {
      case 'set-name':
        return [[`${u}/name`, `user ${user}`]];
      case 'bulk':
        return teamMembers(team, rowsOf(kind)).map((x) => [
          `users/${x}/score`,
          String(Number(this.store.get(`users/${x}/score`) ?? 0) + 1),
        ]);
      case 'touch-now':
        return [[`${u}/seen_at`, String(start)]];
      case 'touch-sysdate':
        return [[`${u}/seen_at`, String(this.sim.now)]];
      case 'token-uuid':
        return [[`${u}/token`, randomHex(this.rng)]];
      case 'lucky-rand':
        return [[`${u}/lucky`, this.rng.next().toFixed(6)]];
      case 'insert':
        return [[`events/${ids[0]}/user_id`, String(user)]];
      case 'insert-select':
        return teamMembers(team, rowsOf(kind)).map((x, j) => [`events/${ids[j]}/user_id`, String(x)]);
    }
  }

  /**
   * PostgreSQL WAL for the same changes: a record (header and block reference) and the new
   * tuple per row, plus the whole 8 KB page the first time a page is changed after a
   * checkpoint (full_page_writes = on; checkpoint_timeout is 5 min, longer than a run).
   */
  private walBytes(changes: [string, string][]): number {
    let bytes = 0;
    for (const [key] of changes) {
      const [table, id] = key.split('/') as [string, string];
      const tuple = table === 'users' ? USER_ROW_BYTES : EVENT_ROW_BYTES;
      bytes += WAL_RECORD_BYTES + tuple;
      const page = `${table}/${Math.floor(Number(id) / Math.floor(PAGE_BYTES / tuple))}`;
      if (!this.pagesLogged.has(page)) {
        this.pagesLogged.add(page);
        bytes += PAGE_BYTES;
      }
    }
    return bytes;
  }
}
