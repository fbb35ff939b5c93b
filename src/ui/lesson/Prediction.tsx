import { useId } from 'react';
import type { AnyLesson } from '../../lesson/types';
import { checkPrediction } from '../../state/actions';
import { selectPredictions } from '../../state/selectors';
import { useStore } from '../../state/store';

/** A question the learner answers before the run grades it with the numbers. */
export function Prediction({ lesson, id }: { lesson: AnyLesson; id: string }) {
  const p = lesson.predictions.find((x) => x.id === id);
  const state = useStore(selectPredictions)[id];
  const setPrediction = useStore((s) => s.setPrediction);
  const name = useId();
  if (!p) return null;
  const grade = state?.grade;
  const right = grade && state?.choice === grade.answer;
  const answerLabel = grade ? p.choices.find((c) => c.id === grade.answer)?.label : undefined;
  return (
    <fieldset className="prediction">
      <legend>Predict: {p.question}</legend>
      {p.choices.map((c) => (
        <label key={c.id} className="choice">
          <input
            type="radio"
            name={name}
            value={c.id}
            checked={state?.choice === c.id}
            onChange={() => setPrediction(id, { choice: c.id, grade: undefined, error: undefined })}
          />
          {c.label}
        </label>
      ))}
      <button
        type="button"
        disabled={!state?.choice || state.checking}
        onClick={() => void checkPrediction(id)}
      >
        {state?.checking ? 'Checking…' : 'Check with a run'}
      </button>
      <div role="status" aria-live="polite">
        {grade ? (
          <p className={right ? 'verdict ok' : 'verdict bad'}>
            <strong>
              {right ? '✓ Right.' : `✗ Not this time: the run says ${answerLabel ?? grade.answer}.`}
            </strong>{' '}
            {grade.explanation}
          </p>
        ) : null}
        {state?.error ? <p className="verdict bad">Could not check: {state.error}</p> : null}
      </div>
    </fieldset>
  );
}
