import type { TheoryRow } from '../../lesson/types';
import { formatNumber } from '../format';
import { describeTheory } from './theory-rows';

/** One theory claim beside its metric: formula, prediction, agreement flag; the derivation on expand. */
export function TheoryCell({ row }: { row: TheoryRow }) {
  const unit = row.unit ? ` ${row.unit}` : '';
  return (
    <details className="theory" data-agrees={row.agrees}>
      <summary title={row.why}>
        <span className={row.agrees ? 'badge ok' : 'badge warn'}>
          {row.agrees ? '≈ agrees' : '≠ differs'}
        </span>{' '}
        <code>{row.formula}</code> = {formatNumber(row.predicted)}
        {unit}
      </summary>
      <p className="theory-title">{row.title}</p>
      <p>{describeTheory(row, formatNumber)}</p>
      <p className="help">{row.why}</p>
    </details>
  );
}
