import { useState } from 'react';
import { describeFault, type Fault } from '../../engine/faults';
import { addFault, removeFault } from '../../state/actions';
import { selectCurrent, selectFaults } from '../../state/selectors';
import { useStore } from '../../state/store';
import { formatTime } from '../format';
import { usePlayheadTime } from '../playback/usePlayheadTime';

type Kind = 'crash' | 'restart' | 'partition' | 'heal';

/** Adds crash/restart of an actor or partition/heal of a link at the current playback time. */
export function FaultPanel() {
  const run = useStore(selectCurrent);
  const faults = useStore(selectFaults);
  const [kind, setKind] = useState<Kind>('crash');
  const names = run?.actors.map((a) => a.name) ?? [];
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const actorA = names.includes(a) ? a : (names[0] ?? '');
  const actorB = names.includes(b) && b !== actorA ? b : (names.find((n) => n !== actorA) ?? '');
  const link = kind === 'partition' || kind === 'heal';
  const add = () => {
    // The moment on screen now (the button's label follows playback a few times a second).
    const at = Math.round(useStore.getState().t);
    const f: Fault = link ? { at, kind, a: actorA, b: actorB } : { at, kind, actor: actorA };
    addFault(f);
  };
  return (
    <section className="faults" aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <div className="fault-form">
        <label>
          Fault
          <select aria-label="Fault" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="crash">Crash an actor</option>
            <option value="restart">Restart an actor</option>
            <option value="partition">Partition a link</option>
            <option value="heal">Heal a link</option>
          </select>
        </label>
        <label>
          {link ? 'Between' : 'Actor'}
          <select
            aria-label={link ? 'Between' : 'Actor'}
            value={actorA}
            onChange={(e) => setA(e.target.value)}
          >
            {names.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        {link ? (
          <label>
            and
            <select aria-label="And" value={actorB} onChange={(e) => setB(e.target.value)}>
              {names
                .filter((n) => n !== actorA)
                .map((n) => (
                  <option key={n}>{n}</option>
                ))}
            </select>
          </label>
        ) : null}
        <AddAtButton onClick={add} disabled={!actorA || (link && !actorB)} />
      </div>
      {faults.length ? (
        <ul className="fault-list">
          {faults.map((f, i) => (
            <li key={`${i}-${f.at}-${f.kind}`}>
              at {formatTime(f.at)}: {describeFault(f)}{' '}
              <button
                type="button"
                aria-label={`Remove fault: ${describeFault(f)} at ${formatTime(f.at)}`}
                onClick={() => removeFault(i)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="help">
          No faults: the network and every actor behave. Pause at a moment, then add one.
        </p>
      )}
    </section>
  );
}

/** "Add at <time>": its own component, so playback re-renders this label and not the whole form. */
function AddAtButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  const t = usePlayheadTime();
  return (
    <button type="button" onClick={onClick} disabled={disabled}>
      Add at {formatTime(t)}
    </button>
  );
}
