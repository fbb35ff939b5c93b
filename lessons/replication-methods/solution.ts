import type { Statement } from './api';

export function shipAsStatement(statement: Statement): boolean {
  // Functions the follower would evaluate again and get another answer (MySQL logs NOW()'s
  // timestamp with the statement, so NOW() is safe; SYSDATE(), UUID() and RAND() are not).
  if (/\b(SYSDATE|UUID|RAND)\s*\(/i.test(statement.sql)) return false;
  // A multi-row INSERT ... SELECT takes AUTO_INCREMENT ids interleaved with concurrent inserts
  // (innodb_autoinc_lock_mode = 2); the follower would number its rows consecutively.
  if (/^\s*INSERT\b[\s\S]*\bSELECT\b/i.test(statement.sql)) return false;
  return true;
}
