/**
 * What tests use to read and set the code. Typing into Monaco auto-closes brackets and
 * quotes, so a test that types code gets something else than it meant; this hook sets
 * the text exactly and goes through the editor, so `onChange` fires as for a learner edit.
 */
export interface CodePaneTestHook {
  getValue(): string;
  setValue(code: string): void;
}

declare global {
  interface Window {
    __codePane?: CodePaneTestHook;
  }
}

/** Installs the hook and returns the uninstall; only removes it if no newer pane replaced it. */
export function installTestHook(hook: CodePaneTestHook): () => void {
  window.__codePane = hook;
  return () => {
    if (window.__codePane === hook) delete window.__codePane;
  };
}
