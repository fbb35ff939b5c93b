import { useId } from 'react';
import { CommittedNumber } from './CommittedNumber';
import type { NumberParam, ParamSpec, ParamValue } from '../../lesson/params';
import { fromLogPosition, LOG_STEPS, niceValue, toLogPosition } from '../log-scale';

interface Props {
  name: string;
  spec: ParamSpec;
  value: ParamValue;
  onChange(value: ParamValue): void;
}

function NumberKnob({
  spec,
  value,
  onChange,
  id,
}: {
  spec: NumberParam;
  value: number;
  onChange(v: number): void;
  id: string;
}) {
  const log = spec.scale === 'log' && spec.min > 0;
  const clamp = (x: number) => Math.min(spec.max, Math.max(spec.min, x));
  return (
    <div className="knob-inputs">
      <input
        type="range"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-help`}
        aria-valuetext={`${value} ${spec.unit}`}
        min={log ? 0 : spec.min}
        max={log ? LOG_STEPS : spec.max}
        step={log ? 1 : (spec.step ?? 'any')}
        value={log ? toLogPosition(value, spec.min, spec.max) : value}
        onChange={(e) => {
          const x = Number(e.target.value);
          onChange(
            clamp(log ? niceValue(fromLogPosition(x, spec.min, spec.max), undefined, spec.integer) : x),
          );
        }}
      />
      <CommittedNumber
        label={`${spec.label} (${spec.unit})`}
        bounds={{ min: spec.min, max: spec.max, integer: spec.integer, unit: spec.unit }}
        step={spec.step}
        value={value}
        onCommit={onChange}
      />
      <span className="unit">{spec.unit}</span>
    </div>
  );
}

/** One lesson parameter: a labelled slider + number (or a select) with its unit and help. */
export function Knob({ name, spec, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="knob" data-param={name}>
      <label
        id={`${id}-label`}
        htmlFor={spec.kind === 'choice' ? `${id}-select` : undefined}
        className="knob-label"
      >
        {spec.label}
      </label>
      {spec.kind === 'choice' ? (
        <select
          id={`${id}-select`}
          value={String(value)}
          aria-describedby={`${id}-help`}
          onChange={(e) => onChange(e.target.value)}
        >
          {spec.choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : (
        <NumberKnob spec={spec} value={Number(value)} onChange={onChange} id={id} />
      )}
      <p id={`${id}-help`} className="help">
        {spec.help}
      </p>
    </div>
  );
}
