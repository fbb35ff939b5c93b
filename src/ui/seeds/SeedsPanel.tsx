import { useMemo } from 'react';
import { cancelSeeds, closeSeeds, DEFAULT_SEEDS, runSeeds, seedsKeyOf } from '../../state/seeds';
import { selectSeedsRun } from '../../state/selectors';
import { useStore } from '../../state/store';
import { formatNumber } from '../format';
import { goalRates, metricSpreads } from './seed-stats';
import { StripPlot } from './StripPlot';

/** "requestsPerUpdate p99" -> "requests per update p99". */
function humanize(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * "Run 20 seeds": the scenario over a range of seeds in parallel workers, each metric's
 * spread as a strip and box plot and each goal's pass rate, so a learner sees whether
 * their code meets a goal robustly or by luck.
 */
export function SeedsPanel() {
  const run = useStore(selectSeedsRun);
  const seed = useStore((s) => s.seed);
  const lesson = useStore((s) => s.lesson);
  const lessonId = useStore((s) => s.lessonId);
  const params = useStore((s) => s.params);
  const code = useStore((s) => s.code);
  const faults = useStore((s) => s.faults);
  const outdated = useMemo(
    () => run !== null && seedsKeyOf({ lesson, lessonId, params, code, faults, seed: 0 }) !== run.key,
    [run, lesson, lessonId, params, code, faults],
  );
  const spreads = useMemo(() => (run ? metricSpreads(run.outcomes) : []), [run]);
  const rates = useMemo(() => (run ? goalRates(run.outcomes) : []), [run]);
  return (
    <section className="seeds" aria-labelledby="seeds-title">
      <div className="section-head">
        <h2 id="seeds-title">Many seeds</h2>
        {run?.running ? (
          <button type="button" onClick={cancelSeeds}>
            Cancel seeds
          </button>
        ) : (
          <button type="button" onClick={() => void runSeeds(DEFAULT_SEEDS)}>
            {run ? `Run ${DEFAULT_SEEDS} seeds again` : `Run ${DEFAULT_SEEDS} seeds`}
          </button>
        )}
        {run && !run.running ? (
          <button type="button" onClick={closeSeeds}>
            Close
          </button>
        ) : null}
      </div>
      {!run ? (
        <p className="help">
          One seed is one roll of the dice. Run the same knobs and code over {DEFAULT_SEEDS} seeds (in
          parallel, in the background) to see whether the goals hold robustly or by luck.
        </p>
      ) : (
        <>
          <p role="status" className="help" data-testid="seeds-status">
            {run.running
              ? `Running seeds ${run.fromSeed}–${run.fromSeed + run.count - 1}: ${run.outcomes.length} of ${run.count} done…`
              : `Seeds ${run.fromSeed}–${run.fromSeed + run.count - 1}: ${run.outcomes.length} of ${run.count} runs.`}
            {outdated ? ' These seeds ran with other knobs or code than those on screen.' : ''}
          </p>
          {run.running ? (
            <progress max={run.count} value={run.outcomes.length} aria-label="Seeds done" />
          ) : null}
          {run.error ? <p role="alert">A seed failed: {run.error}</p> : null}
          {rates.length ? (
            <table className="seed-goals" data-testid="seed-goals">
              <caption>Goals met</caption>
              <tbody>
                {rates.map((r) => (
                  <tr key={r.id} data-goal={r.id}>
                    <th scope="row">{r.title}</th>
                    <td>
                      <meter min={0} max={r.total} value={r.passed} aria-label={`${r.title}: pass rate`} />{' '}
                      {r.passed} of {r.total} seeds ({Math.round((100 * r.passed) / r.total)}%)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {spreads.length ? (
            <div className="table-scroll" tabIndex={0} role="region" aria-label="Metric distributions">
              <table className="seed-metrics" data-testid="seed-metrics">
                <caption>Each metric over the seeds (box: middle half; line: median; dots: seeds)</caption>
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col">Median</th>
                    <th scope="col">Spread</th>
                    <th scope="col">Range</th>
                  </tr>
                </thead>
                <tbody>
                  {spreads.map((s) => (
                    <tr key={s.name} data-metric={s.name}>
                      <th scope="row">{humanize(s.name)}</th>
                      <td>{formatNumber(s.median)}</td>
                      <td>
                        <StripPlot spread={s} current={seed} />
                      </td>
                      <td className="range">
                        {formatNumber(s.min)} – {formatNumber(s.max)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
