import type { RecordInfo } from './api';

export function partition(record: RecordInfo, partitions: number): number {
  // Same author, same partition: one partition is read in order, so each author's posts are
  // processed in the order they were published. (A busy author makes its partition busier:
  // that is the price of the order.)
  return record.hash(record.key) % partitions;
}

export function assign(partitions: number, members: readonly string[]): number[][] {
  // Kafka's range assignor: consecutive partitions, the first (partitions mod members)
  // members take one more. Every partition has an owner; members beyond the partition
  // count get none and wait.
  const n = members.length;
  const base = Math.floor(partitions / n);
  const extra = partitions % n;
  const out: number[][] = [];
  let next = 0;
  for (let i = 0; i < n; i++) {
    const count = base + (i < extra ? 1 : 0);
    out.push(Array.from({ length: count }, (_, j) => next + j));
    next += count;
  }
  return out;
}
