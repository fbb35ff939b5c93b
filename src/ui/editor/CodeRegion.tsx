import { lazy, Suspense, useEffect, useState, type ComponentType } from 'react';
import { afterPaint } from '../../state/after-paint';
import type { AnyLesson } from '../../lesson/types';
import { resetCode, runNow, setCode } from '../../state/actions';
import { selectCode, selectDiagnostics } from '../../state/selectors';
import { useStore } from '../../state/store';
import { CodeFallback, type CodeProps } from './CodeFallback';

// A glob, not an import: the app builds and runs (with the textarea) before the Monaco
// pane exists, and Monaco stays out of the entry chunk once it does.
const panes = import.meta.glob<{ CodePane: ComponentType<CodeProps> }>('../code/index.ts');
const loadPane = panes['../code/index.ts'];
const Pane = loadPane
  ? lazy(() =>
      loadPane()
        .then((m) => ({ default: m.CodePane }))
        .catch(() => ({ default: CodeFallback })),
    )
  : CodeFallback;

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
  const props: CodeProps = {
    lessonId: lesson.id,
    starter: lesson.code.starter,
    api: lesson.code.api,
    value: code,
    onChange: setCode,
    onRun: () => void runNow(),
    onReset: resetCode,
    diagnostics,
  };
  return (
    <section className="code-region" aria-labelledby="code-title">
      <h2 id="code-title">Your code</h2>
      <Suspense fallback={<p role="status">Loading editor…</p>}>
        {painted ? <Pane {...props} /> : <p role="status">Loading editor…</p>}
      </Suspense>
    </section>
  );
}
