import {
  EVENT_HEADER_BYTES,
  EVENT_ROW_BYTES,
  INTVAR_BYTES,
  TABLE_MAP_BYTES,
  TEAM_SIZE,
  USER_ROW_BYTES,
} from './constants';

/**
 * The workload's statements. `unsafe` records what MySQL's documentation says about
 * statement-based replication of each (Replication and System Functions; AUTO_INCREMENT
 * handling in InnoDB): the truth the run checks against, not something the learner sees.
 */
export type Kind =
  | 'set-name'
  | 'bulk'
  | 'touch-now'
  | 'touch-sysdate'
  | 'token-uuid'
  | 'lucky-rand'
  | 'insert'
  | 'insert-select';

export const DETERMINISTIC: readonly { kind: Kind; weight: number }[] = [
  { kind: 'set-name', weight: 0.8 },
  { kind: 'bulk', weight: 0.2 },
];
export const NONDETERMINISTIC: readonly Kind[] = [
  'touch-now',
  'touch-sysdate',
  'token-uuid',
  'lucky-rand',
  'insert',
  'insert-select',
];

/** Rows a statement of this kind changes or inserts. */
export function rowsOf(kind: Kind): number {
  return kind === 'bulk' || kind === 'insert-select' ? TEAM_SIZE : 1;
}

export const isInsert = (k: Kind) => k === 'insert' || k === 'insert-select';

export function sqlOf(kind: Kind, user: number, team: number): string {
  switch (kind) {
    case 'set-name':
      return `UPDATE users SET name = 'user ${user}' WHERE id = ${user}`;
    case 'bulk':
      return `UPDATE users SET score = score + 1 WHERE team = ${team}`;
    case 'touch-now':
      return `UPDATE users SET seen_at = NOW() WHERE id = ${user}`;
    case 'touch-sysdate':
      return `UPDATE users SET seen_at = SYSDATE() WHERE id = ${user}`;
    case 'token-uuid':
      return `UPDATE users SET token = UUID() WHERE id = ${user}`;
    case 'lucky-rand':
      return `UPDATE users SET lucky = RAND() WHERE id = ${user}`;
    case 'insert':
      return `INSERT INTO events (user_id) VALUES (${user})`;
    case 'insert-select':
      return `INSERT INTO events (user_id) SELECT id FROM users WHERE team = ${team}`;
  }
}

/** Bytes of the statement as a binlog Query event (plus INTVAR for an AUTO_INCREMENT insert). */
export function statementBytes(kind: Kind, sql: string): number {
  return EVENT_HEADER_BYTES + sql.length + (isInsert(kind) ? INTVAR_BYTES : 0);
}

/** Bytes of its row events: a Table_map, then before and after images of each updated row (binlog_row_image = FULL) or the after image of each inserted one. */
export function rowBytes(kind: Kind): number {
  const perRow = isInsert(kind) ? EVENT_ROW_BYTES : 2 * USER_ROW_BYTES;
  return TABLE_MAP_BYTES + EVENT_HEADER_BYTES + rowsOf(kind) * perRow;
}

/** Mean row-event bytes per statement for a non-deterministic share n (what theory predicts for the row method). */
export function meanRowBytes(n: number): number {
  let sum = 0;
  for (const d of DETERMINISTIC) sum += (1 - n) * d.weight * rowBytes(d.kind);
  for (const k of NONDETERMINISTIC) sum += (n / NONDETERMINISTIC.length) * rowBytes(k);
  return sum;
}
