import { useEffect, useRef } from 'react';
import { addRunAction, EDITOR_OPTIONS } from './editor-options';
import { lessonUri, openModel } from './lesson-files';
import { monaco } from './monaco-setup';

interface DiffViewProps {
  lessonId: string;
  starter: string;
  /** The learner's model: edits made on the diff's right side are ordinary edits. */
  model: monaco.editor.ITextModel;
  /** Must be stable: a new function would rebuild the diff editor. */
  onRun(): void;
}

/** Starter (read-only, left) against the learner's code (editable, right). */
export function DiffView({ lessonId, starter, model, onRun }: DiffViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // A lesson switch disposes the old model one render before the new one arrives here.
    if (model.isDisposed()) return;
    const original = openModel(lessonUri(lessonId, 'starter.ts'), starter);
    const diff = monaco.editor.createDiffEditor(hostRef.current!, {
      ...EDITOR_OPTIONS,
      originalEditable: false,
      // Whitespace is part of what the learner changed; hiding it would hide real edits.
      ignoreTrimWhitespace: false,
      ariaLabel: 'Differences between the starter code and your code',
    });
    diff.setModel({ original, modified: model });
    const run = addRunAction(diff.getModifiedEditor(), onRun);
    diff.getModifiedEditor().focus();
    return () => {
      run.dispose();
      diff.setModel(null);
      diff.dispose();
      original.dispose();
    };
  }, [lessonId, starter, model, onRun]);

  return <div ref={hostRef} className="code-pane__editor" data-testid="code-diff" />;
}
