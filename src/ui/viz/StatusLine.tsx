import { animationEndMs } from '../../lesson/run-mode';
import { selectCurrent, selectSelectedActor } from '../../state/selectors';
import { useStore } from '../../state/store';
import { usePlayheadTime } from '../playback/usePlayheadTime';
import { formatClock } from '../format';
import type { TraceIndex } from './viz-module';

/** What the system looks like at this moment, in words (also what screen readers get); while playing it follows a few times a second. */
export function StatusLine({ index, label }: { index: TraceIndex; label?: string }) {
  const t = usePlayheadTime();
  const selected = useStore(selectSelectedActor);
  const run = useStore(selectCurrent);
  const inFlight = index.messagesInFlight(t);
  const traceEnd = run ? animationEndMs(run) : Infinity;
  const actor =
    selected !== null && index.actors.some((a) => a.id === selected)
      ? index.describeActor(selected, t)
      : null;
  return (
    <p className="status-line" aria-live="off" data-testid="status-line">
      {label ? <strong>{label}: </strong> : null}
      {t > traceEnd ? (
        <span data-testid="in-flight">
          No trace at {formatClock(t)}: this run kept its first {formatClock(traceEnd)} of messages
        </span>
      ) : (
        <span data-testid="in-flight">
          {inFlight} message{inFlight === 1 ? '' : 's'} in flight at {formatClock(t)}
        </span>
      )}
      {actor ? (
        <span data-testid="actor-detail">
          {' · '}
          <strong>{actor.name}</strong> ({actor.kind}) is <em>{actor.state || 'not started'}</em>: sent{' '}
          {actor.sent}, received {actor.received}
          {actor.lastMessage ? `, last message “${actor.lastMessage}”` : ''}
        </span>
      ) : label ? null : (
        <span className="muted"> · click an actor in the topology to inspect it</span>
      )}
    </p>
  );
}
