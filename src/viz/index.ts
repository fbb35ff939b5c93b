/**
 * The d3 views of a run. Pure d3 + DOM: the app mounts a view into an element, calls
 * update(t) from its playback loop, resize() from a ResizeObserver and destroy() on unmount.
 */
export type { ViewHandle } from './view';
export type { TraceIndex, ActorSummary, IndexableRun } from './trace-index';
export { buildTraceIndex } from './trace-index';
export { mountTopology, type TopologyHandle } from './topology';
export { mountSequence } from './sequence';
export { mountTimeSeries } from './timeseries';
export { mountHistogram } from './histogram';
export { mountStatechart, type StatechartHandle } from './statechart';
export { mountLogs } from './logs';
export type { LogsSpec } from './logs-model';
export { mountQueue } from './queue';
export { mountLoadBars } from './load-bars';
export { mountRing } from './ring';
