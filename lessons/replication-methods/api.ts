/** A write statement the leader has just committed. */
export interface Statement {
  /** Its SQL text, as the application sent it. */
  sql: string;
  /** Rows it changed or inserted. */
  rowsAffected: number;
  /** Other INSERT statements running on the leader while this one ran. */
  concurrentInserts: number;
}

export interface ReplicationMethodsApi {
  /**
   * With the statement method: ship this statement as its SQL text (true), or as the rows it
   * changed (false), as MySQL's MIXED format does for statements it deems unsafe.
   */
  shipAsStatement(statement: Statement): boolean;
}
