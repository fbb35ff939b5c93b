import { useSyncExternalStore } from 'react';

export type Route = { page: 'index' } | { page: 'lesson'; id: string };

/** `#/` is the index, `#/lesson/<id>?s=<share>` a lesson (hash routing works on any static host). */
export function parseRoute(hash: string): Route {
  const m = /^#\/lesson\/([a-z0-9-]+)(?:[?/].*)?$/.exec(hash);
  return m ? { page: 'lesson', id: m[1]! } : { page: 'index' };
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** The current hash; components re-render when it changes (links, Back, bookmarks). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export const lessonHref = (id: string) => `#/lesson/${id}`;
