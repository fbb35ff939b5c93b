/**
 * An append-only log addressed by offsets: one partition of a Kafka topic, or a database's
 * write-ahead / replication log (PostgreSQL's WAL positions, MySQL's binlog positions).
 *
 * - Every record gets the next offset, starting at 0; offsets never change or get reused
 *   (Kafka: "each record in a partition is assigned a sequential id number called the offset",
 *   https://kafka.apache.org/documentation/#intro_concepts_and_terms).
 * - Readers keep their own position; reading does not remove anything. So any number of
 *   independent readers (consumer groups, followers) read one log, each at its own pace.
 * - `startOffset` is the first record still kept ("log start offset"), `endOffset` the offset
 *   the next record will get ("log end offset"). A reader's lag is `endOffset - position`.
 * - Retention deletes from the front, read or not (`deleteBefore`, or `expire` by age;
 *   see retention.ts). Reading below `startOffset` finds nothing: Kafka answers
 *   OFFSET_OUT_OF_RANGE and the consumer resets per `auto.offset.reset`.
 * - `truncateFrom` drops a suffix: a follower discarding entries the new leader never had
 *   (Kafka's truncation to the leader epoch, PostgreSQL's pg_rewind).
 *
 * Records live in one array with a moving head, compacted as the front is deleted, so memory
 * is bounded by what retention keeps.
 */
export interface LogRecord<T> {
  readonly offset: number;
  /** Simulated time of the append, ms. */
  readonly appendedAt: number;
  readonly value: T;
}

export class AppendLog<T> {
  private records: LogRecord<T>[] = [];
  private head = 0;
  private base = 0;

  /** Offset of the first record kept. */
  get startOffset(): number {
    return this.base;
  }

  /** Offset the next append gets (one past the last record). */
  get endOffset(): number {
    return this.base + this.records.length - this.head;
  }

  /** Records kept. */
  get size(): number {
    return this.records.length - this.head;
  }

  append(value: T, at: number): number {
    const offset = this.endOffset;
    this.records.push({ offset, appendedAt: at, value });
    return offset;
  }

  /** The record at `offset`, or undefined when retention deleted it or it is not written yet. */
  get(offset: number): LogRecord<T> | undefined {
    if (offset < this.base || offset >= this.endOffset || !Number.isInteger(offset)) return undefined;
    return this.records[this.head + offset - this.base];
  }

  /** Up to `max` records from `from` on (from the start when `from` was deleted already). */
  read(from: number, max = Infinity): LogRecord<T>[] {
    const start = Math.max(from, this.base);
    const end = Math.min(this.endOffset, start + max);
    const out: LogRecord<T>[] = [];
    for (let o = start; o < end; o++) out.push(this.records[this.head + o - this.base] as LogRecord<T>);
    return out;
  }

  /** Records between `position` and the end: what a reader at `position` has still to read. */
  lag(position: number): number {
    return Math.max(0, this.endOffset - Math.max(position, this.base));
  }

  /** Deletes every record below `offset` (retention). Returns the records deleted, oldest first. */
  deleteBefore(offset: number): LogRecord<T>[] {
    const upto = Math.min(offset, this.endOffset);
    if (upto <= this.base) return [];
    const n = upto - this.base;
    const gone = this.records.slice(this.head, this.head + n);
    this.head += n;
    this.base = upto;
    if (this.head > 1024 && this.head * 2 > this.records.length) {
      this.records = this.records.slice(this.head);
      this.head = 0;
    }
    return gone;
  }

  /** Deletes every record appended before `cutoff` (ms). Returns the records deleted. */
  expire(cutoff: number): LogRecord<T>[] {
    let o = this.base;
    const end = this.endOffset;
    while (o < end && (this.records[this.head + o - this.base] as LogRecord<T>).appendedAt < cutoff) o++;
    return this.deleteBefore(o);
  }

  /** Drops every record at or above `offset` (a follower discarding a divergent suffix). */
  truncateFrom(offset: number): LogRecord<T>[] {
    if (offset >= this.endOffset) return [];
    if (offset < this.base) throw new RangeError(`cannot truncate below the log start offset ${this.base}`);
    const keep = this.head + offset - this.base;
    return this.records.splice(keep);
  }
}
