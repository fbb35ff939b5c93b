import { defaultParams, type ParamSpecs } from '../../lesson/params';
import type { AnyLesson } from '../../lesson/types';
import { resetParams, setParam, setSeed } from '../../state/actions';
import { selectParams, selectSeed } from '../../state/selectors';
import { useStore } from '../../state/store';
import { CommittedNumber } from './CommittedNumber';
import { Knob } from './Knob';

/** Every parameter of the lesson; a change reruns the simulation after a short pause. */
export function Knobs({ lesson }: { lesson: AnyLesson }) {
  const overrides = useStore(selectParams);
  const seed = useStore(selectSeed);
  const values = { ...defaultParams(lesson.params), ...overrides };
  return (
    <section className="knobs" aria-labelledby="knobs-title">
      <div className="section-head">
        <h2 id="knobs-title">Knobs</h2>
        <button type="button" onClick={resetParams} disabled={Object.keys(overrides).length === 0}>
          Reset knobs
        </button>
      </div>
      {Object.entries(lesson.params as ParamSpecs).map(([name, spec]) => (
        <Knob key={name} name={name} spec={spec} value={values[name]!} onChange={(v) => setParam(name, v)} />
      ))}
      <div className="knob">
        <label className="knob-label" htmlFor="seed-input">
          Random seed
        </label>
        <CommittedNumber
          id="seed-input"
          label="Random seed"
          className="seed-number"
          bounds={{ min: 0, max: 2 ** 32 - 1, integer: true }}
          value={seed}
          describedBy="seed-help"
          onCommit={setSeed}
        />
        <p id="seed-help" className="help">
          Same seed, same run: change it to see another roll of the dice.
        </p>
      </div>
    </section>
  );
}
