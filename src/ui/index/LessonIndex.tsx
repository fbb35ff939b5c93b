import { lessonIds, manifest } from '../../state/lesson-source';
import { selectLessonProgress } from '../../state/selectors';
import { useStore } from '../../state/store';
import { lessonHref } from '../router';

/** Lessons grouped by topic, each with the goals met so far. */
export function LessonIndex() {
  const progress = useStore(selectLessonProgress);
  return (
    <main className="index-page" id="main">
      <h1>System Design Playground</h1>
      <p className="lede">
        Watch distributed systems behave: each lesson runs a deterministic simulation you can replay, tweak
        and program.
      </p>
      {manifest.map((topic) => (
        <section key={topic.topic} className="topic" aria-labelledby={`topic-${topic.topic}`}>
          <h2 id={`topic-${topic.topic}`}>{topic.topic}</h2>
          <ul className="lesson-cards">
            {topic.lessons.map((l) => {
              const p = progress[l.id];
              const available = lessonIds.includes(l.id);
              const status = !p
                ? 'Not started'
                : p.met.length === p.total
                  ? `All ${p.total} goals met ✓`
                  : `${p.met.length} of ${p.total} goals met`;
              return (
                <li key={l.id} className="lesson-card" data-lesson={l.id}>
                  {available ? (
                    <a href={lessonHref(l.id)}>{l.title}</a>
                  ) : (
                    <span>{l.title} (coming soon)</span>
                  )}
                  <p>{l.summary}</p>
                  <p
                    className={`progress ${p && p.met.length === p.total ? 'done' : ''}`}
                    data-testid="lesson-progress"
                  >
                    {status}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </main>
  );
}
