/** What the producer tells the partitioner about one record. */
export interface RecordInfo {
  /** The record's key: the id of the post's author (0 is the busiest author). */
  key: number;
  /** How many records the producer sent before this one (0, 1, 2, ...). */
  sequence: number;
  /**
   * The topic's hash of a key: a stable 32-bit unsigned number (MurmurHash3 of the key here;
   * Kafka's default partitioner uses murmur2 of the key's bytes).
   */
  hash(key: number): number;
}

/**
 * Producer side: which partition (0 .. partitions − 1) this record is appended to. Records
 * in one partition are read in the order they were appended; across partitions there is no order.
 */
export type Partitioner = (record: RecordInfo, partitions: number) => number;

/**
 * Group side, run at every rebalance: the partitions each member reads, one list per member,
 * in the order of `members` (member names, sorted). A partition may go to at most one member;
 * a partition in no list is read by nobody until the next rebalance.
 */
export type Assignor = (partitions: number, members: readonly string[]) => number[][];

export interface MessageStreamApi {
  partition: Partitioner;
  assign: Assignor;
}
