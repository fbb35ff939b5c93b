import { hash32 } from '../../src/kit/keyspace/hash';
import { mm1SojournMs, staleReadProbability } from '../../src/kit/theory/fanout';
import { BY_ID_SHARE, EMAIL_SEED, NET_MS, SERVICE_MS, USERS } from './constants';
import type { CrossShardParams } from './params';

/**
 * What each shard is asked to do per second under the reference planner, from the knobs:
 * the theory's input. Users are read and written with Zipf popularity p_k, so a shard's
 * load is the sum over the users it holds (rows by hash of the id, index entries by hash
 * of the email), plus every email query when they are scattered.
 */
export interface LoadModel {
  /** Requests per second at each shard. */
  rate: Float64Array;
  /** Mean M/M/1 sojourn at each shard, ms (Infinity when overloaded). */
  sojournMs: Float64Array;
  /** Highest utilisation ρ = λ·E[S] over the shards. */
  maxUtilisation: number;
  popularity: Float64Array;
  owner: Uint8Array;
  partition: Uint8Array;
}

function zipfPopularity(s: number): Float64Array {
  const p = new Float64Array(USERS);
  let sum = 0;
  for (let k = 0; k < USERS; k++) sum += p[k] = 1 / (k + 1) ** s;
  for (let k = 0; k < USERS; k++) p[k] = p[k]! / sum;
  return p;
}

const cache = new Map<string, LoadModel>();

/** The load model for these knobs (kept: the theory asks for it once per claim). */
export function loadModel(p: CrossShardParams): LoadModel {
  const key = [p.plan, p.shards, p.queriesPerSecond, p.writesPerSecond, p.zipfS].join('|');
  let l = cache.get(key);
  if (!l) {
    if (cache.size > 32) cache.clear();
    cache.set(key, (l = computeLoad(p)));
  }
  return l;
}

function computeLoad(p: CrossShardParams): LoadModel {
  const n = p.shards;
  const popularity = zipfPopularity(p.zipfS);
  const owner = new Uint8Array(USERS);
  const partition = new Uint8Array(USERS);
  const rate = new Float64Array(n);
  const idQ = p.queriesPerSecond * BY_ID_SHARE;
  const emailQ = p.queriesPerSecond - idQ;
  const indexed = p.plan === 'global-index';
  for (let k = 0; k < USERS; k++) {
    const pk = popularity[k]!;
    const o = (owner[k] = hash32(k) % n);
    const part = (partition[k] = hash32(k, EMAIL_SEED) % n);
    // The row's shard: id queries, writes, and (with the index) the row read after the lookup.
    rate[o] = rate[o]! + pk * (idQ + p.writesPerSecond + (indexed ? emailQ : 0));
    // The index partition: the lookup and the applied update.
    if (indexed) rate[part] = rate[part]! + pk * (emailQ + p.writesPerSecond);
  }
  if (!indexed) for (let s = 0; s < n; s++) rate[s] = rate[s]! + emailQ;
  const sojournMs = rate.map((r) => mm1SojournMs(r, SERVICE_MS));
  const maxUtilisation = Math.max(...rate) * (SERVICE_MS / 1000);
  return { rate, sojournMs, maxUtilisation, popularity, owner, partition };
}

/** Mean email-query latency with the global index: two round trips and two M/M/1 sojourns (Jackson). */
export function indexedEmailLatencyMs(l: LoadModel): number {
  let e = 0;
  for (let k = 0; k < USERS; k++)
    e += l.popularity[k]! * (l.sojournMs[l.partition[k]!]! + l.sojournMs[l.owner[k]!]!);
  return 4 * NET_MS + e;
}

/** Σ p_k·(1 − e^(−W·p_k·L̄_k)), L̄_k = index lag + one network hop + the index partition's sojourn. */
export function staleFraction(p: CrossShardParams, l: LoadModel): number {
  const w = p.writesPerSecond / 1000;
  let sum = 0;
  for (let k = 0; k < USERS; k++) {
    const pk = l.popularity[k]!;
    const lag = p.indexLagMs + NET_MS + l.sojournMs[l.partition[k]!]!;
    sum += pk * staleReadProbability(w * pk, lag);
  }
  return sum;
}

/** Mean lag from commit to the index applying it: lag + one hop + the partition's sojourn, weighted by writes. */
export function meanIndexLagMs(p: CrossShardParams, l: LoadModel): number {
  let e = 0;
  for (let k = 0; k < USERS; k++) e += l.popularity[k]! * l.sojournMs[l.partition[k]!]!;
  return p.indexLagMs + NET_MS + e;
}
