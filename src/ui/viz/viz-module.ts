import type * as Viz from '../../viz/index';

/** The views module (src/viz): its own types, loaded after the first paint in its own chunk. */
export type VizModule = typeof Viz;
export type { TraceIndex, ViewHandle } from '../../viz/index';

let loading: Promise<VizModule> | undefined;

/** Loads the views once; a failed download rejects (and the next call tries again). */
export function loadViz(): Promise<VizModule> {
  loading ??= import('../../viz/index').catch((err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}
