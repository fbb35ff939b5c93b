import type { RecordInfo } from './api';

// Producer: which partition does this post event go to?
export function partition(record: RecordInfo, partitions: number): number {
  // Round-robin: every partition gets the same number of records.
  return record.sequence % partitions;
}

// Consumer group: which partitions does each member read? One list per member.
export function assign(partitions: number, members: readonly string[]): number[][] {
  // Member i reads partition i.
  return members.map((_, i) => (i < partitions ? [i] : []));
}
