const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Focuses the first focusable element after (or before) `host` in document order, outside it. */
function focusBeside(host: HTMLElement, backwards: boolean): void {
  const all = [...document.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !host.contains(el) && el.offsetParent !== null,
  );
  const after = (el: HTMLElement) =>
    Boolean(host.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  // Past the last control of the page, wrap around as the browser's own Tab order does.
  const target = backwards
    ? (all.filter((el) => !after(el)).at(-1) ?? all.at(-1))
    : (all.find(after) ?? all[0]);
  target?.focus();
}

/**
 * Tab indents in the editor, so it is a keyboard trap unless there is a way out:
 * Ctrl+M (Monaco's tab focus mode) or, as here, Escape then Tab (Shift+Tab) moves focus on.
 */
export function addEscapeThenTab(host: HTMLElement): { dispose(): void } {
  let armed = false;
  // Capture phase on the host: runs before Monaco's own handlers (which would indent).
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') armed = true;
    else if (e.key === 'Tab' && armed) {
      e.preventDefault();
      e.stopPropagation();
      armed = false;
      focusBeside(host, e.shiftKey);
    } else if (e.key !== 'Shift') armed = false;
  };
  host.addEventListener('keydown', onKey, true);
  return { dispose: () => host.removeEventListener('keydown', onKey, true) };
}
