import { useSyncExternalStore } from 'react';

export type Route = { page: 'index' } | { page: 'lesson'; id: string };

/** `#/` is the index, `#/lesson/<id>?s=<share>` a lesson (hash routing works on any static host). */
export function parseRoute(hash: string): Route {
  const m = /^#\/lesson\/([a-z0-9-]+)(?:[?/].*)?$/.exec(hash);
  return m ? { page: 'lesson', id: m[1]! } : { page: 'index' };
}

/**
 * The hash as last navigated to. The page itself keeps the address in step with what
 * is on screen through history.replaceState, which fires no event: only navigation
 * (a link, Back, a pasted address) changes this value and reopens a lesson.
 */
let navigated = typeof window === 'undefined' ? '' : window.location.hash;

const subscribe = (cb: () => void) => {
  const on = () => {
    navigated = window.location.hash;
    cb();
  };
  window.addEventListener('hashchange', on);
  return () => window.removeEventListener('hashchange', on);
};

/** The hash of the last navigation; components re-render when it changes. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => navigated);
}

export const lessonHref = (id: string) => `#/lesson/${id}`;
