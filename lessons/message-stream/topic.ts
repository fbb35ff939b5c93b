import type { Simulation } from '../../src/engine/sim';
import { AppendLog } from '../../src/kit/log/append-log';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { calmWindow, GROUPS, PARTITION_LABELS, type GroupName } from './constants';
import type { messageStreamMetrics } from './metrics';
import type { MessageStreamParams } from './params';

/** A post event as stored: its author (key), its place in that author's order, its partition. */
export interface PostRecord {
  key: number;
  keySeq: number;
  partition: number;
}

export type Writer = MetricWriter<typeof messageStreamMetrics>;

/** A consumer as its group sees it (the fetch loop lives in consumers.ts). */
export interface Member {
  id: number;
  name: string;
  group: GroupName;
  up: boolean;
  assigned: readonly number[];
  fetching: boolean;
  /** Wakes the member's fetch loop (a record arrived or its position moved). */
  poke(): void;
  /** Drops the record being processed (a rebalance or a rewind); it will be read again. */
  abort(): void;
}

/** One consumer group's state on the broker and in its consumers. */
export interface Group {
  name: GroupName;
  coordinator: number;
  /** Member actor ids in the group now, and when each was last heard from. */
  members: Map<number, number>;
  generation: number;
  owner: (Member | undefined)[];
  /** Next offset to process per partition (the owner's fetch position). */
  position: number[];
  committed: number[];
  /** First offset this group has never processed, per partition. */
  highWater: number[];
  /** Offsets below this were processed before a rewind: reading them again is a replay. */
  replayBelow: number[];
  /** Highest key sequence processed so far, per key (ordering check). */
  maxSeq: Int32Array;
  lag: number[];
}

/** The topic, both groups, and the lag bookkeeping every change goes through. */
export class Topic {
  readonly logs: AppendLog<PostRecord>[];
  readonly groups: Record<GroupName, Group>;
  /** The broker's actor id (it leads every partition and stores committed offsets). */
  broker = -1;
  private lagTotal: Record<GroupName, number> = { blog: 0, search: 0 };
  private calm: { startMs: number; endMs: number };
  private areaSince = 0;
  private area = 0;
  private peak = 0;

  constructor(
    readonly sim: Simulation,
    readonly p: MessageStreamParams,
    readonly m: Writer,
  ) {
    this.logs = Array.from({ length: p.partitions }, () => new AppendLog<PostRecord>());
    const group = (name: GroupName): Group => ({
      name,
      coordinator: -1,
      members: new Map(),
      generation: 0,
      owner: new Array<Member | undefined>(p.partitions).fill(undefined),
      position: new Array<number>(p.partitions).fill(0),
      committed: new Array<number>(p.partitions).fill(0),
      highWater: new Array<number>(p.partitions).fill(0),
      replayBelow: new Array<number>(p.partitions).fill(0),
      maxSeq: new Int32Array(p.keys).fill(-1),
      lag: new Array<number>(p.partitions).fill(0),
    });
    this.groups = { blog: group('blog'), search: group('search') };
    this.calm = calmWindow(p);
    m.set('partitionCount', p.partitions);
  }

  label(partition: number): (typeof PARTITION_LABELS)[number] {
    return PARTITION_LABELS[partition] as (typeof PARTITION_LABELS)[number];
  }

  append(rec: PostRecord): void {
    const log = this.logs[rec.partition]!;
    log.append(rec, this.sim.now);
    this.m.inc('recordsProduced');
    this.m.inc('records', 1, this.label(rec.partition));
    this.m.set('logEnd', log.endOffset, this.label(rec.partition));
    this.updateLag(rec.partition);
    for (const g of GROUPS) this.groups[g].owner[rec.partition]?.poke();
  }

  /** Retention deleted these records (oldest first): count those a group had not processed. */
  expired(records: readonly { offset: number; value: PostRecord }[]): void {
    const p = records[0]?.value.partition;
    if (p === undefined) return;
    const unread = records.filter((r) => GROUPS.some((g) => r.offset >= this.groups[g].highWater[p]!));
    if (unread.length) this.m.inc('recordsExpiredUnread', unread.length);
    this.m.set('logStart', this.logs[p]!.startOffset, this.label(p));
    this.updateLag(p);
  }

  setCommitted(g: Group, partition: number, offset: number): void {
    g.committed[partition] = offset;
    this.m.set(g.name === 'blog' ? 'blogCommitted' : 'searchCommitted', offset, this.label(partition));
  }

  /** Recomputes one partition's lag in both groups and the gauges built on it. */
  updateLag(partition: number): void {
    const log = this.logs[partition]!;
    for (const name of GROUPS) {
      const g = this.groups[name];
      const lag = log.endOffset - Math.max(g.position[partition]!, log.startOffset);
      const delta = lag - g.lag[partition]!;
      if (delta === 0) continue;
      if (name === 'blog') this.accrue();
      g.lag[partition] = lag;
      this.lagTotal[name] += delta;
      if (name === 'blog' && this.inCalm(this.sim.now)) this.peak = Math.max(this.peak, this.lagTotal.blog);
      this.m.set('groupLag', this.lagTotal[name], name);
    }
    let max = 0;
    for (const name of GROUPS) for (const l of this.groups[name].lag) max = Math.max(max, l);
    if (max !== this.m.gauge('consumerLag')) this.m.set('consumerLag', max);
  }

  lagOf(name: GroupName): number {
    return this.lagTotal[name];
  }

  /** Accrues the blog-count group's lag area over the part of the calm window since the last change. */
  accrue(): void {
    const now = this.sim.now;
    const from = Math.max(this.areaSince, this.calm.startMs);
    const to = Math.min(now, this.calm.endMs);
    if (to > from) this.area += this.lagTotal.blog * (to - from);
    if (this.inCalm(now)) this.peak = Math.max(this.peak, this.lagTotal.blog);
    this.areaSince = now;
  }

  settle(): void {
    this.accrue();
    this.m.inc('steadyLagArea', this.area);
    this.m.inc('steadyLagPeak', this.peak);
    for (const name of GROUPS) this.m.inc('lagAtEnd', this.lagTotal[name], name);
  }

  inCalm(t: number): boolean {
    return t >= this.calm.startMs && t < this.calm.endMs;
  }
}
