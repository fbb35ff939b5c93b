import type { ClusterSettings, ReadRequest, Replica, ReplicationMode, Session, WriteRequest } from './api';

export function chooseReplica(request: ReadRequest, session: Session, replicas: readonly Replica[]): number {
  // The session must see at least its own last write and everything it has already seen.
  const needed = Math.max(session.lastWritePosition, session.lastReadPosition);
  const followers = replicas.filter((r) => r.role === 'follower' && r.up);
  // Each user sticks to one follower, so consecutive reads see one replica's history.
  const sticky = followers[session.user % Math.max(1, followers.length)];
  if (sticky && sticky.appliedPosition >= needed) return sticky.index;
  // Else any follower that has caught up far enough; else the leader.
  const caughtUp = followers.find((r) => r.appliedPosition >= needed);
  if (caughtUp) return caughtUp.index;
  const leader = replicas.findIndex((r) => r.role === 'leader' && r.up);
  if (leader >= 0) return leader;
  // No leader (a failover is under way): the most advanced follower is the best there is.
  let best = 0;
  for (const r of followers) if (r.appliedPosition > replicas[best]!.appliedPosition) best = r.index;
  return best;
}

// Run with the mode knob on semi-sync: a write is acknowledged only once a follower holds it,
// so a leader crash loses no "saved" write (and the slow follower does not hold every commit up).
export function commitMode(write: WriteRequest, settings: ClusterSettings): ReplicationMode {
  return settings.mode;
}
