import { useState } from 'react';
import type { ActorSnapshot } from '../../lesson/inspect';
import { inspectActorNow } from '../../state/actions';
import { selectSelectedActor } from '../../state/selectors';
import { useStore } from '../../state/store';
import { usePlayheadTime } from '../playback/usePlayheadTime';
import { formatTime } from '../format';

/** Shows the selected actor's xstate context at the playback moment, on request. */
export function ActorInspector() {
  const selected = useStore(selectSelectedActor);
  const t = usePlayheadTime();
  const [snap, setSnap] = useState<ActorSnapshot | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (selected === null) return null;
  const show = async () => {
    setBusy(true);
    setError(null);
    try {
      setSnap(await inspectActorNow(selected));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const current = snap && snap.atMs === t ? snap : null;
  return (
    <details className="actor-inspector" open={Boolean(snap)}>
      <summary>State and context of the selected actor</summary>
      <button type="button" onClick={() => void show()} disabled={busy}>
        {busy ? 'Reading…' : `Show context at ${formatTime(t)}`}
      </button>
      {error ? <p role="alert">{error}</p> : null}
      {snap ? (
        <figure>
          <figcaption>
            <strong>{snap.name}</strong> is <em>{snap.state}</em> at {formatTime(snap.atMs)}
            {current ? '' : ' (an earlier moment: press the button again for this one)'}
          </figcaption>
          <pre data-testid="actor-context" tabIndex={0}>
            {JSON.stringify(snap.context, null, 2)}
          </pre>
        </figure>
      ) : null}
    </details>
  );
}
