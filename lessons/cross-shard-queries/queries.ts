import type { Simulation } from '../../src/engine/sim';
import type { MetricWriter } from '../../src/kit/metrics/writer';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { Cluster, Plan, PlanQuery, Query } from './api';
import type { GlobalIndex } from './global-index';
import type { crossShardMetrics } from './metrics';
import type { Shards } from './shards';

type M = MetricWriter<typeof crossShardMetrics>;

/** The learner's plan, checked: shards listed once each, within range; the index only where one is kept. */
export function checkedPlan(plan: PlanQuery, q: Query, cluster: Cluster): number[] | 'index' {
  const p: Plan = plan(q, cluster);
  const what = q.by === 'userId' ? `userId ${q.userId}` : `emailHash ${q.emailHash}`;
  if (p && p.kind === 'index') {
    if (!cluster.globalIndex)
      learnerMistake(
        `planQuery(${what}) chose the global index, but this cluster keeps none (plan = scatter)`,
      );
    return 'index';
  }
  if (!p || p.kind !== 'shards' || !Array.isArray(p.shards) || p.shards.length === 0)
    learnerMistake(
      `planQuery(${what}) must return { kind: 'shards', shards: [...] } (not empty) or { kind: 'index' }`,
    );
  const seen = new Set<number>();
  for (const s of p.shards) {
    if (!(Number.isInteger(s) && s >= 0 && s < cluster.shards))
      learnerMistake(`planQuery(${what}) listed shard ${String(s)}; shards are 0 to ${cluster.shards - 1}`);
    if (seen.has(s)) learnerMistake(`planQuery(${what}) listed shard ${s} twice`);
    seen.add(s);
  }
  return p.shards;
}

/**
 * Runs each query as its plan says: asks the listed shards in parallel and waits for the
 * last (scatter-gather), or looks the email up in the global index and then reads the row.
 * A sample of queries is also sent as network messages so the page can draw them.
 */
export class QueryPlane {
  constructor(
    private readonly sim: Simulation,
    private readonly m: M,
    private readonly shards: Shards,
    private readonly index: GlobalIndex,
    private readonly router: number,
    private readonly cluster: Cluster,
    private readonly plan: PlanQuery,
  ) {}

  private draw(to: number, label: string): void {
    this.sim.send(this.router, this.shards.actors[to]!, { type: 'QUERY' }, label);
  }

  private drawBack(from: number, label: string): void {
    this.sim.send(this.shards.actors[from]!, this.router, { type: 'ANSWER' }, label);
  }

  /** One query for `user`, by its id or by its email. */
  run(user: number, by: 'userId' | 'email', drawn: boolean): void {
    const start = this.sim.now;
    const q: Query = by === 'userId' ? { by, userId: user } : { by, emailHash: this.index.emailHash(user) };
    this.m.inc('queries', 1, by);
    if (!this.sim.isUp(this.router)) return this.m.inc('queriesFailed');
    const plan = checkedPlan(this.plan, q, this.cluster);
    const finish = (ok: boolean, found: boolean) => {
      if (!ok) return this.m.inc('queriesFailed');
      this.m.inc('queriesAnswered');
      if (!found) this.m.inc('wrongAnswers');
      this.m.observe('queryLatencyMs', this.sim.now - start, by);
    };
    const owner = this.cluster.shardOf(user);
    if (plan === 'index') {
      const part = this.index.partitionOf(user);
      this.m.inc('shardRequests', 2);
      this.m.inc('indexReads');
      if (drawn) this.draw(part, 'index lookup');
      this.shards.ask(this.router, part, {
        served: () => {
          if (this.index.isStale(user)) this.m.inc('staleIndexReads');
        },
        answered: () => {
          if (drawn) this.drawBack(part, `user ${user}`);
          if (drawn) this.draw(owner, `GET user ${user}`);
          this.shards.ask(this.router, owner, {
            answered: () => {
              if (drawn) this.drawBack(owner, 'row');
              finish(true, true);
            },
            failed: () => finish(false, false),
          });
        },
        failed: () => finish(false, false),
      });
      return;
    }
    this.m.inc('shardRequests', plan.length);
    let waiting = plan.length;
    let failed = false;
    const found = plan.includes(owner);
    const one = (ok: boolean) => {
      failed ||= !ok;
      if (--waiting === 0) finish(!failed, found);
    };
    for (const s of plan) {
      if (drawn) this.draw(s, by === 'userId' ? `GET user ${user}` : 'find email');
      this.shards.ask(this.router, s, {
        answered: () => {
          if (drawn) this.drawBack(s, s === owner ? 'row' : 'none');
          one(true);
        },
        failed: () => one(false),
      });
    }
  }
}
