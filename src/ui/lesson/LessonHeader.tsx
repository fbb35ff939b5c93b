import { lessonEntry } from '../../state/lesson-source';
import type { AnyLesson } from '../../lesson/types';
import { setCompare } from '../../state/actions';
import { selectCompare, selectRunning, selectRunProgress } from '../../state/selectors';
import { useStore } from '../../state/store';
import { SharePanel } from './SharePanel';

/** Lesson title, back link, Compare toggle, Share, and whether a run is in progress. */
export function LessonHeader({ lesson }: { lesson: AnyLesson }) {
  const compare = useStore(selectCompare);
  const running = useStore(selectRunning);
  const progress = useStore(selectRunProgress);
  const entry = lessonEntry(lesson.id);
  return (
    <header className="lesson-header">
      <a href="#/" className="back">
        ← Lessons
      </a>
      <h1>{entry?.title ?? lesson.id}</h1>
      <span className="run-state" role="status" aria-live="polite">
        {running ? `Running… ${Math.round(progress * 100)}%` : ''}
      </span>
      {lesson.compare?.length ? (
        <button
          type="button"
          aria-pressed={compare}
          onClick={() => setCompare(!compare)}
          title={lesson.compare.map((c) => c.label).join(' vs ')}
        >
          {compare ? '◧ Compare: on' : '◧ Compare'}
        </button>
      ) : null}
      <SharePanel />
    </header>
  );
}
