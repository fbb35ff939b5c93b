import { hash32 } from '../../src/kit/keyspace/hash';
import { chunkOf, type ShardMapData } from '../../src/kit/keyspace/routers';
import { ownersOf } from '../../src/kit/keyspace/moves';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { Route, ShardMap } from './api';

const EMPTY = new Uint32Array(0);

/** The learner-facing view of one map version (only its scheme's fields filled). */
export function shardMapView(data: ShardMapData, version: number, keys: number): ShardMap {
  return Object.freeze({
    version,
    router: data.kind,
    shards: data.shards,
    keys,
    hash: hash32,
    chunkOf,
    rangeStarts: data.kind === 'range' ? data.starts : EMPTY,
    rangeOwners: data.kind === 'range' ? data.owners : EMPTY,
    ringPoints: data.kind === 'consistent' ? data.points : EMPTY,
    ringOwners: data.kind === 'consistent' ? data.owners : EMPTY,
    chunkOwners: data.kind === 'directory' ? data.owners : EMPTY,
  });
}

/** The learner's route, checked: a whole shard number below map.shards. */
export function checkedRoute(route: Route, key: number, map: ShardMap): number {
  const s = route(key, map);
  if (!(Number.isInteger(s) && s >= 0 && s < map.shards))
    learnerMistake(
      `route(${key}, map v${map.version}) must return a shard number from 0 to ${map.shards - 1}; it returned ${String(s)}`,
    );
  return s;
}

/** One version of the map: its data, the learner's view, and every key's owner under it. */
export interface MapVersion {
  version: number;
  data: ShardMapData;
  view: ShardMap;
  /** owners[k]: the shard holding key k under this version (the learner's route over every key). */
  owners: Uint8Array;
}

export function mapVersion(data: ShardMapData, version: number, keys: number, route: Route): MapVersion {
  const view = shardMapView(data, version, keys);
  return { version, data, view, owners: ownersOf(keys, (k) => checkedRoute(route, k, view)) };
}
