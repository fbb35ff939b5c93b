import { monaco, typescriptDefaults } from './monaco-setup';

/** Where a lesson's files live in the TypeScript worker's virtual file system. */
export function lessonUri(lessonId: string, file: 'main.ts' | 'api.ts' | 'starter.ts'): monaco.Uri {
  return monaco.Uri.parse(`file:///lessons/${encodeURIComponent(lessonId)}/${file}`);
}

/**
 * Puts the lesson's api.ts next to main.ts as an extra lib, so `import type { ... } from './api'`
 * resolves (completion, hover, type errors) without a second model the learner could open.
 */
export function addLessonApi(lessonId: string, apiSource: string): monaco.IDisposable {
  return typescriptDefaults.addExtraLib(apiSource, lessonUri(lessonId, 'api.ts').toString());
}

/** A TypeScript model at `uri`, reusing one left over (e.g. by a remount in React StrictMode). */
export function openModel(uri: monaco.Uri, text: string): monaco.editor.ITextModel {
  text = normalizeEol(text);
  const existing = monaco.editor.getModel(uri);
  if (existing) {
    if (existing.getValue() !== text) existing.setValue(text);
    return existing;
  }
  const model = monaco.editor.createModel(text, 'typescript', uri);
  // LF everywhere, so comparing with the app's value does not trip on line endings.
  model.setEOL(monaco.editor.EndOfLineSequence.LF);
  return model;
}

/** `text` with LF line endings, as the models hold it. */
export function normalizeEol(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Replaces the model's text as one undoable step (so Ctrl+Z undoes a Reset) and puts the
 * cursor back where it was, clamped to the new text, instead of letting it jump to the end.
 */
export function replaceKeepingCursor(
  editor: monaco.editor.ICodeEditor,
  model: monaco.editor.ITextModel,
  text: string,
): void {
  const selections = editor.getModel() === model ? editor.getSelections() : null;
  model.pushStackElement();
  model.pushEditOperations(selections ?? [], [{ range: model.getFullModelRange(), text }], () => null);
  model.pushStackElement();
  if (selections) editor.setSelections(selections.map((s) => clampSelection(model, s)));
}

function clampSelection(model: monaco.editor.ITextModel, s: monaco.Selection): monaco.Selection {
  const anchor = model.validatePosition({
    lineNumber: s.selectionStartLineNumber,
    column: s.selectionStartColumn,
  });
  const active = model.validatePosition(s.getPosition());
  return new monaco.Selection(anchor.lineNumber, anchor.column, active.lineNumber, active.column);
}
