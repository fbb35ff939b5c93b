import type { ClusterSettings, ReadRequest, Replica, ReplicationMode, Session, WriteRequest } from './api';

let next = 0;

// Called for every read: return the index of the replica that serves it.
export function chooseReplica(request: ReadRequest, session: Session, replicas: readonly Replica[]): number {
  // Spread reads over the followers in turn: the leader keeps its capacity for writes.
  const followers = replicas.filter((r) => r.role === 'follower' && r.up);
  if (followers.length === 0)
    return Math.max(
      0,
      replicas.findIndex((r) => r.role === 'leader'),
    );
  next = (next + 1) % followers.length;
  return followers[next]!.index;
}

// Called for every write: what its commit waits for before the user hears "saved".
export function commitMode(write: WriteRequest, settings: ClusterSettings): ReplicationMode {
  return settings.mode;
}
