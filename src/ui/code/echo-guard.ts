/**
 * Tells the app's `value` echoing an edit we already reported apart from a real change
 * from outside (reset, share link, test hook).
 *
 * Monaco's input events are not ones React flushes at once, so while the learner types
 * fast, the app can render (and our effect see) a value from one or two keystrokes ago.
 * Writing that back into the model would eat the newer keystrokes.
 */
export class EchoGuard {
  /** Values sent through onChange that the app has not rendered back yet, oldest first. */
  private pending: string[] = [];

  sent(value: string): void {
    this.pending.push(value);
    // An app that never renders our edits back must not make this grow without end.
    if (this.pending.length > 64) this.pending.shift();
  }

  /** Whether `value` from the app should be written into a model that holds `current`. */
  shouldApply(value: string, current: string): boolean {
    if (value === current) {
      this.pending = [];
      return false;
    }
    const echo = this.pending.lastIndexOf(value);
    if (echo !== -1) {
      // A stale echo: the newer edits after it are still on their way to the app.
      this.pending.splice(0, echo + 1);
      return false;
    }
    this.pending = [];
    return true;
  }
}
