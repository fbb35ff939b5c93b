import { useSyncExternalStore } from 'react';

export type MonacoTheme = 'vs' | 'vs-dark';

const DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Monaco's built-in theme matching the OS light/dark setting, updated live when it flips. */
export function useMonacoTheme(): MonacoTheme {
  return useSyncExternalStore(
    subscribe,
    () => (window.matchMedia(DARK).matches ? 'vs-dark' : 'vs'),
    () => 'vs',
  );
}
