import type { SampleSeries } from '../../engine/metrics';
import type { ActorInfo } from '../../engine/sim';
import type { TraceData } from '../../engine/trace';
import type { MachineGraph } from '../../lesson/machine-graph';

// The contract of src/viz/index.ts, restated here so the app compiles before (and
// independently of) the views; the loader below is the only place that reaches them.
export interface ViewHandle {
  update(t: number): void;
  resize(): void;
  destroy(): void;
}

export interface TraceIndex {
  durationMs: number;
  actors: ActorInfo[];
  eventTimes: Float64Array;
  nextEventTime(t: number): number | undefined;
  prevEventTime(t: number): number | undefined;
  stateAt(actor: number, t: number): string;
  messagesInFlight(t: number): number;
  describeActor(
    actor: number,
    t: number,
  ): {
    name: string;
    kind: string;
    state: string;
    sent: number;
    received: number;
    lastMessage: string | null;
  };
}

export interface IndexableRun {
  trace: TraceData;
  actors: ActorInfo[];
  samples: Record<string, SampleSeries>;
  durationMs: number;
}

export interface VizModule {
  buildTraceIndex(run: IndexableRun): TraceIndex;
  mountTopology(
    el: HTMLElement,
    index: TraceIndex,
    opts?: { onSelectActor?: (id: number | null) => void },
  ): ViewHandle & { select(id: number | null): void };
  mountSequence(el: HTMLElement, index: TraceIndex, opts?: { maxActors?: number }): ViewHandle;
  mountTimeSeries(
    el: HTMLElement,
    index: TraceIndex,
    opts: { gauge: string; title: string; unit: string },
  ): ViewHandle;
  mountHistogram(
    el: HTMLElement,
    index: TraceIndex,
    opts: { summary: string; title: string; unit: string },
  ): ViewHandle;
  mountStatechart(
    el: HTMLElement,
    graph: MachineGraph,
    opts?: { title?: string },
  ): ViewHandle & { setActive(statePath: string | null): void };
}

// A glob, not an import: d3 and the views load after the first paint, in their own chunk.
const modules = import.meta.glob<VizModule>('../../viz/index.ts');
let loading: Promise<VizModule | null> | undefined;

/** The views module, or null when it is not part of this build. */
export function loadViz(): Promise<VizModule | null> {
  const load = modules['../../viz/index.ts'];
  loading ??= load ? load().catch(() => null) : Promise.resolve(null);
  return loading;
}
