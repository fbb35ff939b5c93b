/** Figures of the scenario (modelling choices, stated in lesson.md). */

export const USERS = 200;
export const TEAMS = 10;
/** Users per team: the rows a team-wide statement touches. */
export const TEAM_SIZE = USERS / TEAMS;
/** Mean execution time of one statement on the leader, ms (exponential): statements overlap. */
export const STATEMENT_MS = 10;
/** One-way latency leader → followers, ms. */
export const LINK_MS = 2;

/** MySQL binary log v4 event header, bytes (https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_replication_binlog_event.html). */
export const EVENT_HEADER_BYTES = 19;
/** A Table_map event before row events (header + table id, names, column types), bytes: a modelling figure. */
export const TABLE_MAP_BYTES = 50;
/** One users row image (id, name, team, score, seen_at, a 36-character token, lucky), bytes: a modelling figure. */
export const USER_ROW_BYTES = 120;
/** One events row image (id, user_id, created_at), bytes. */
export const EVENT_ROW_BYTES = 24;
/** An INTVAR event carrying INSERT_ID before an INSERT shipped as a statement, bytes. */
export const INTVAR_BYTES = EVENT_HEADER_BYTES + 9;
/** PostgreSQL WAL: XLogRecord header (24 bytes) plus a block reference, per changed row. */
export const WAL_RECORD_BYTES = 24 + 20;
/** PostgreSQL page size: the first change to a page after a checkpoint logs the whole page (full_page_writes = on). */
export const PAGE_BYTES = 8192;
