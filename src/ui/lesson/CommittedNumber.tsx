import { useId, useState } from 'react';
import { parseEntry, type NumberBounds } from './number-entry';

interface Props {
  label: string;
  bounds: NumberBounds;
  step?: number;
  value: number;
  onCommit(value: number): void;
  className?: string;
  id?: string;
  describedBy?: string;
}

/**
 * A number field that takes its value on Enter or when focus leaves it, not per
 * keystroke (typing 5000 passes through 5, which is out of range), and says why a
 * value is refused. Escape goes back to the current value.
 */
export function CommittedNumber({ label, bounds, step, value, onCommit, className, id, describedBy }: Props) {
  const errorId = useId();
  // null: not editing, the field shows the committed value.
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const entry = parseEntry(draft, bounds);
    if (!entry.ok) {
      setError(entry.reason);
      return;
    }
    setError(null);
    setDraft(null);
    if (entry.value !== value) onCommit(entry.value);
  };
  return (
    <>
      <input
        id={id}
        type="number"
        className={className ?? 'knob-number'}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : '', describedBy ?? ''].filter(Boolean).join(' ') || undefined}
        min={bounds.min}
        max={bounds.max}
        step={step ?? (bounds.integer ? 1 : 'any')}
        value={draft ?? value}
        onChange={(e) => {
          setDraft(e.target.value);
          // The spinner arrows change the value without typing: take those at once.
          const native = e.nativeEvent as InputEvent;
          if (native.inputType === undefined || native.inputType === 'insertReplacementText') {
            const entry = parseEntry(e.target.value, bounds);
            if (entry.ok) {
              setDraft(null);
              setError(null);
              if (entry.value !== value) onCommit(entry.value);
            }
          }
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            setDraft(null);
            setError(null);
          }
        }}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
