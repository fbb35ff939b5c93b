interface ToolbarProps {
  edited: boolean;
  diffOpen: boolean;
  onRun(): void;
  onReset(): void;
  onToggleDiff(): void;
}

export function Toolbar({ edited, diffOpen, onRun, onReset, onToggleDiff }: ToolbarProps) {
  return (
    <div className="code-pane__toolbar">
      <button
        type="button"
        className="code-pane__run"
        onClick={onRun}
        title="Run (Ctrl+Enter)"
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        Run
      </button>
      <button type="button" onClick={onReset} title="Go back to the starter code">
        Reset
      </button>
      <button
        type="button"
        onClick={onToggleDiff}
        aria-pressed={diffOpen}
        title="Compare with the starter code"
      >
        Diff
      </button>
      <span className="code-pane__status" role="status">
        {edited ? 'edited' : ''}
      </span>
    </div>
  );
}
