import { useEffect, useState } from 'react';
import { shareParamOf } from '../../share/codec';
import { openLesson } from '../../state/actions';
import { selectLesson } from '../../state/selectors';
import { useStore } from '../../state/store';
import { CodeRegion } from '../editor/CodeRegion';
import { Splitter } from '../layout/Splitter';
import { PlaybackBar } from '../playback/PlaybackBar';
import { usePlaybackClock } from '../playback/usePlaybackClock';
import { usePlaybackKeys } from '../playback/useKeyboard';
import { lessonHref } from '../router';
import { VizRegion } from '../viz/VizRegion';
import { FaultPanel } from './FaultPanel';
import { Goals } from './Goals';
import { Knobs } from './Knobs';
import { LessonHeader } from './LessonHeader';
import { MetricsTable } from './MetricsTable';
import { Narrative } from './Narrative';

/** Set when we strip `?s=` from the address ourselves, so that change does not reopen the lesson. */
let strippedShareOf: string | null = null;

/** One lesson: narrative and knobs | views, playback, goals and metrics | code. */
export function LessonPage({ id, hash }: { id: string; hash: string }) {
  const lesson = useStore(selectLesson);
  const [missing, setMissing] = useState(false);
  const [left, setLeft] = useState(320);
  // The code column grows with the screen, so wide screens show whole lines of code.
  const [right, setRight] = useState(() =>
    Math.round(Math.min(600, Math.max(400, window.innerWidth * 0.35))),
  );
  const share = shareParamOf(hash);
  usePlaybackClock();
  usePlaybackKeys();

  useEffect(() => {
    if (share === undefined && strippedShareOf === id) {
      strippedShareOf = null;
      return;
    }
    let live = true;
    void openLesson(id, window.location.href).then((ok) => {
      if (!live) return;
      setMissing(!ok);
      // The scenario now lives in the store; a reload should reopen the learner's own
      // (autosaved) code rather than the link's, so the address drops the share part.
      if (ok && share !== undefined) {
        strippedShareOf = id;
        history.replaceState(history.state, '', lessonHref(id));
      }
    });
    return () => {
      live = false;
    };
  }, [id, share]);

  if (missing) {
    return (
      <main id="main" className="index-page">
        <h1>No lesson named “{id}”</h1>
        <p>
          <a href="#/">Back to the lessons</a>
        </p>
      </main>
    );
  }
  if (!lesson || lesson.id !== id)
    return (
      <p role="status" className="placeholder">
        Loading lesson…
      </p>
    );
  return (
    <div
      className="lesson-page"
      style={{ '--left': `${left}px`, '--right': `${right}px` } as React.CSSProperties}
    >
      <LessonHeader lesson={lesson} />
      <aside className="col col-left" aria-label="Lesson guide">
        <Narrative lesson={lesson} />
        <Knobs lesson={lesson} />
        <FaultPanel />
      </aside>
      <Splitter
        label="Resize the guide column"
        value={left}
        min={240}
        max={640}
        direction={1}
        onChange={setLeft}
      />
      <main className="col col-center" id="main" aria-label="Simulation">
        <PlaybackBar />
        <VizRegion />
        <MetricsTable />
      </main>
      <Splitter
        label="Resize the code column"
        value={right}
        min={280}
        max={900}
        direction={-1}
        onChange={setRight}
      />
      <aside className="col col-right" aria-label="Code">
        <CodeRegion lesson={lesson} />
        <Goals />
      </aside>
    </div>
  );
}
