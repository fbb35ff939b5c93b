import { useEffect, useState } from 'react';
import { shareParamOf } from '../../share/codec';
import { openLesson } from '../../state/actions';
import { selectLesson } from '../../state/selectors';
import { useStore } from '../../state/store';
import { syncAddressBar } from '../../state/url-sync';
import { CodeRegion } from '../code/CodeRegion';
import { Splitter } from '../layout/Splitter';
import { PlaybackBar } from '../playback/PlaybackBar';
import { usePlaybackClock } from '../playback/usePlaybackClock';
import { usePlaybackKeys } from '../playback/useKeyboard';
import { ChunkBoundary } from '../ChunkBoundary';
import { RunBanner } from '../run/RunBanner';
import { SeedsPanel } from '../seeds/SeedsPanel';
import { VizRegion } from '../viz/VizRegion';
import { FaultPanel } from './FaultPanel';
import { Goals } from './Goals';
import { Knobs } from './Knobs';
import { LessonHeader } from './LessonHeader';
import { MetricsTable } from './MetricsTable';
import { initialColumns } from './column-widths';
import { Narrative } from './Narrative';

/** One lesson: narrative and knobs | views, playback, goals and metrics | code. */
export function LessonPage({ id, hash }: { id: string; hash: string }) {
  const lesson = useStore(selectLesson);
  // 'previous' while a new run is going (without a preview of it) or after one failed: dimmed and marked.
  const results = useStore((s) =>
    s.current === null ? 'none' : s.stale || (s.running && !s.preview) ? 'previous' : 'latest',
  );
  const [missing, setMissing] = useState(false);
  const [columns, setColumns] = useState<{ left: number; right: number } | null>(null);
  const share = shareParamOf(hash);
  usePlaybackClock();
  usePlaybackKeys();

  // The address bar follows the page from now on (knobs, code, step, time...), so a reload
  // or a copied address reopens exactly this; useHash ignores those writes.
  useEffect(() => syncAddressBar(), []);

  // Opens the lesson on navigation: a link, Back, a pasted address.
  useEffect(() => {
    let live = true;
    void openLesson(id, window.location.href).then((ok) => {
      if (live) setMissing(!ok);
    });
    return () => {
      live = false;
    };
  }, [id, share]);

  // Sized once per lesson from its starter code; the splitters resize them after that.
  const sized = columns ?? (lesson ? initialColumns(window.innerWidth, lesson.code.starter) : null);
  const left = sized?.left ?? 300;
  const right = sized?.right ?? 480;
  const setLeft = (px: number) => setColumns({ left: px, right });
  const setRight = (px: number) => setColumns({ left, right: px });

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
      data-results={results}
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
        <RunBanner />
        <ChunkBoundary what="The views">
          <VizRegion />
        </ChunkBoundary>
        <MetricsTable />
        <SeedsPanel />
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
