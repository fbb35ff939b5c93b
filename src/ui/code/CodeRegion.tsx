import { useEffect, useState } from 'react';
import type { AnyLesson } from '../../lesson/types';
import { resetCode, runNow, setCode } from '../../state/actions';
import { afterPaint } from '../../state/after-paint';
import { selectCode, selectDiagnostics, selectTypeErrors } from '../../state/selectors';
import { useStore } from '../../state/store';
import { ChunkBoundary } from '../ChunkBoundary';
import { CodePane } from './index';
import type { CodePaneProps } from './props';

/** The learner's code: editor, Run/Reset, and what went wrong in the last run. */
export function CodeRegion({ lesson }: { lesson: AnyLesson }) {
  // Monaco (~1 MB) starts loading only after the lesson text has painted.
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    void afterPaint().then(() => live && setPainted(true));
    return () => {
      live = false;
    };
  }, []);
  const code = useStore(selectCode);
  const diagnostics = useStore(selectDiagnostics);
  const typeErrors = useStore(selectTypeErrors);
  const setTypeErrors = useStore((s) => s.setTypeErrors);
  const props: CodePaneProps = {
    lessonId: lesson.id,
    starter: lesson.code.starter,
    api: lesson.code.api,
    value: code,
    onChange: setCode,
    onRun: () => void runNow(),
    onReset: resetCode,
    diagnostics,
    typeErrors,
    onTypeErrors: setTypeErrors,
  };
  return (
    <section className="code-region" aria-labelledby="code-title">
      <h2 id="code-title">Your code</h2>
      <ChunkBoundary what="The code editor">
        {painted ? <CodePane {...props} /> : <p role="status">Loading editor…</p>}
      </ChunkBoundary>
    </section>
  );
}
