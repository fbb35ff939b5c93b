import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import './code-pane.css';
import { DiagnosticStrip } from './DiagnosticStrip';
import { DiffView } from './DiffView';
import { EchoGuard } from './echo-guard';
import { addRunAction, EDITOR_OPTIONS } from './editor-options';
import { addLessonApi, lessonUri, normalizeEol, openModel, replaceKeepingCursor } from './lesson-files';
import { monaco } from './monaco-setup';
import type { CodePaneProps } from './props';
import { RUN_MARKER_OWNER, runMarkers } from './run-markers';
import { addEscapeThenTab } from './leave-editor';
import { installTestHook } from './test-hook';
import { typeProblems } from './type-check';
import { Toolbar } from './Toolbar';
import { useMonacoTheme } from './use-monaco-theme';

/** The Monaco code pane; loaded lazily through ./index.ts, never imported directly. */
export default function CodePaneImpl(props: CodePaneProps) {
  const { lessonId, starter, api, value, diagnostics, onReset } = props;
  const hostRef = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [model, setModel] = useState<monaco.editor.ITextModel | null>(null);
  const [diffOpen, setDiffOpen] = useState(false);
  const theme = useMonacoTheme();

  // Monaco's listeners are set up once; they read the latest callbacks from here.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const modelRef = useRef<monaco.editor.ITextModel | null>(null);
  // Run also lists TypeScript's errors; the run itself goes ahead (sucrase only needs valid JavaScript).
  const run = useCallback(() => {
    latest.current.onRun();
    const m = modelRef.current;
    if (m && !m.isDisposed()) void typeProblems(m).then((p) => latest.current.onTypeErrors(p));
  }, []);
  const [focused, setFocused] = useState(false);
  // True while we write the app's value into the model: that is not a learner edit to report.
  const applyingValue = useRef(false);
  const echoes = useRef(new EchoGuard());

  useEffect(() => {
    const created = monaco.editor.create(hostRef.current!, {
      ...EDITOR_OPTIONS,
      model: null,
      ariaLabel: 'Your code (TypeScript)',
    });
    const runAction = addRunAction(created, run);
    const leave = addEscapeThenTab(hostRef.current!);
    const onFocus = created.onDidFocusEditorText(() => setFocused(true));
    const onBlur = created.onDidBlurEditorText(() => setFocused(false));
    setEditor(created);
    return () => {
      runAction.dispose();
      leave.dispose();
      onFocus.dispose();
      onBlur.dispose();
      created.dispose();
      setEditor(null);
    };
  }, [run]);

  // Monaco themes are global; this runs in the same effect flush as the creation above, before paint.
  useEffect(() => monaco.editor.setTheme(theme), [theme]);

  // api.ts goes in before the model so the first check already resolves './api'.
  useEffect(() => {
    const lib = addLessonApi(lessonId, api);
    return () => lib.dispose();
  }, [lessonId, api]);

  // One model per lesson, at file:///lessons/<id>/main.ts. Created from the value of the
  // moment; later values flow in through the effect below.
  useEffect(() => {
    if (!editor) return;
    const lessonModel = openModel(lessonUri(lessonId, 'main.ts'), latest.current.value);
    editor.setModel(lessonModel);
    echoes.current = new EchoGuard();
    const onEdit = lessonModel.onDidChangeContent(() => {
      if (applyingValue.current) return;
      const code = lessonModel.getValue();
      echoes.current.sent(code);
      latest.current.onChange(code);
    });
    setModel(lessonModel);
    modelRef.current = lessonModel;
    return () => {
      modelRef.current = null;
      onEdit.dispose();
      editor.setModel(null);
      lessonModel.dispose();
      setModel(null);
    };
  }, [editor, lessonId]);

  // Controlled value: the app changed it (reset, share link, test). Equal values and echoes
  // of the learner's own typing are skipped, so cursor, undo and newer keystrokes stay.
  useEffect(() => {
    if (!editor || !usable(model)) return;
    const text = normalizeEol(value);
    if (!echoes.current.shouldApply(text, model.getValue())) return;
    applyingValue.current = true;
    try {
      replaceKeepingCursor(editor, model, text);
    } finally {
      applyingValue.current = false;
    }
  }, [editor, model, value]);

  useEffect(() => {
    if (!usable(model)) return;
    monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, runMarkers(diagnostics));
    return () => monaco.editor.setModelMarkers(model, RUN_MARKER_OWNER, []);
  }, [model, diagnostics]);

  useEffect(() => {
    if (!editor || !usable(model)) return;
    return installTestHook({
      getValue: () => model.getValue(),
      // Through the editor, as one undoable edit, so onChange fires like for typing.
      setValue: (code) => {
        editor.pushUndoStop();
        editor.executeEdits('test-hook', [{ range: model.getFullModelRange(), text: normalizeEol(code) }]);
        editor.pushUndoStop();
      },
    });
  }, [editor, model]);

  const goToLine = useCallback(
    (line: number, column?: number) => {
      if (!editor || diffOpen) return;
      const position = { lineNumber: line, column: column ?? 1 };
      editor.setPosition(position);
      editor.revealPositionInCenterIfOutsideViewport(position);
      editor.focus();
    },
    [editor, diffOpen],
  );

  return (
    <section className="code-pane" aria-label="Code editor">
      <Toolbar
        edited={normalizeEol(value) !== normalizeEol(starter)}
        diffOpen={diffOpen}
        onRun={run}
        onReset={onReset}
        onToggleDiff={() => setDiffOpen((open) => !open)}
      />
      <div className="code-pane__body">
        {/* Hidden, not unmounted, while the diff shows: keeps its cursor, scroll and undo. */}
        <div ref={hostRef} className="code-pane__editor" data-testid="code-editor" hidden={diffOpen} />
        {diffOpen && usable(model) && (
          <DiffView lessonId={lessonId} starter={starter} model={model} onRun={run} />
        )}
      </div>
      <p className="code-pane__hint" id={`${lessonId}-tab-hint`} hidden={!focused}>
        Tab indents here. To leave the editor: Esc then Tab, or Ctrl+M to make Tab move focus.
      </p>
      <DiagnosticStrip diagnostics={diagnostics} typeErrors={props.typeErrors} onGoToLine={goToLine} />
    </section>
  );
}

/**
 * When the lesson changes, the old model is disposed in an effect cleanup, but `model`
 * state still holds it until the next render; effects of that render must skip it.
 */
function usable(model: monaco.editor.ITextModel | null): model is monaco.editor.ITextModel {
  return model !== null && !model.isDisposed();
}
