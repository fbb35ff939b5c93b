import { useEffect } from 'react';
import { step, togglePlay } from './controls';

/** True when the focused element uses the key itself: the editor, a field, a slider (and, for Space, a button). */
function keyBelongsTo(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const own =
    '.monaco-editor, input, textarea, select, [role="slider"], [role="separator"], [contenteditable]';
  return Boolean(target.closest(key === ' ' ? `${own}, button, a, summary` : own));
}

/** Space plays/pauses, Right steps forward, Left (or Shift+Left) steps back. */
export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || keyBelongsTo(e.target, e.key)) return;
      if (e.key === ' ') togglePlay();
      else if (e.key === 'ArrowRight') step(1);
      else if (e.key === 'ArrowLeft') step(-1);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
