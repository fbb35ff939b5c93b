import { CODE_FONT_PX } from '../lesson/column-widths';
import { monaco } from './monaco-setup';

/** Options shared by the code editor and the diff editor. */
export const EDITOR_OPTIONS = {
  // The pane resizes with the page and the diff toggle; Monaco measures on its own.
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: CODE_FONT_PX,
  // Lines longer than the column wrap (keeping their indent) instead of scrolling sideways.
  wordWrap: 'on',
  wrappingIndent: 'same',
  scrollBeyondLastLine: false,
  // Hover and suggestion widgets escape the pane instead of being clipped by its overflow.
  fixedOverflowWidgets: true,
  tabSize: 2,
  // Lesson files are short; a stable gutter looks calmer than one that grows with line counts.
  lineNumbersMinChars: 3,
} satisfies monaco.editor.IEditorOptions & monaco.editor.IGlobalEditorOptions;

/**
 * Ctrl/Cmd+Enter runs the code. An action, not editor.addCommand: commands are
 * registered globally, so with the diff editor open the last editor would take the key.
 */
export function addRunAction(
  editor: monaco.editor.IStandaloneCodeEditor,
  run: () => void,
): monaco.IDisposable {
  return editor.addAction({
    id: 'playground.runCode',
    label: 'Run code',
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
    run: () => run(),
  });
}
