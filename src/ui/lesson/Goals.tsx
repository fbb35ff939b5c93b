import type { GoalResult } from '../../lesson/types';
import { selectCurrent, selectRunning, selectStale, selectVariants } from '../../state/selectors';
import { useStore } from '../../state/store';

function Verdict({ g }: { g: GoalResult }) {
  return (
    <>
      <span className={g.passed ? 'badge ok' : 'badge bad'}>{g.passed ? '✓ Met' : '✗ Not met'}</span>{' '}
      <span className="detail">{g.detail}</span>
    </>
  );
}

/** The lesson's goals with live pass/fail and the sentence behind each verdict. */
export function Goals() {
  const current = useStore(selectCurrent);
  const variants = useStore(selectVariants);
  const running = useStore(selectRunning);
  const stale = useStore(selectStale);
  const title = (
    <h2 id="goals-title">
      Goals{stale ? <span className="from-previous"> (from the previous run)</span> : null}
    </h2>
  );
  if (!current) return null;
  if (variants) {
    return (
      // With several variants the table scrolls sideways; focusable so the keyboard can scroll it too.
      <section className="goals" aria-labelledby="goals-title" aria-busy={running} tabIndex={0}>
        {title}
        <table>
          <thead>
            <tr>
              <th scope="col">Goal</th>
              {variants.map((v) => (
                <th key={v.label} scope="col">
                  {v.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {current.goals.map((g, i) => (
              <tr key={g.id} data-goal={g.id}>
                <th scope="row">{g.title}</th>
                {variants.map((v) => (
                  <td key={v.label}>{v.result.goals[i] ? <Verdict g={v.result.goals[i]} /> : null}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    );
  }
  return (
    <section className="goals" aria-labelledby="goals-title" aria-busy={running}>
      {title}
      <ul>
        {current.goals.map((g) => (
          <li key={g.id} data-goal={g.id} data-passed={g.passed}>
            <strong>{g.title}</strong>
            <br />
            <Verdict g={g} />
          </li>
        ))}
      </ul>
    </section>
  );
}
