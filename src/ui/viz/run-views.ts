import type { RunResult, ViewSpec } from '../../lesson/types';
import { useStore } from '../../state/store';
import type { TraceIndex, ViewHandle, VizModule } from './viz-module';

/** One view to host: a stable key, an accessible label, and how to mount it. */
export interface ViewPlan {
  key: string;
  label: string;
  wide: boolean;
  mount: (el: HTMLElement) => ViewHandle;
  /** A line shown under the view. */
  note?: string;
}

/** The statechart shows the selected actor's kind when it has a machine, else the lesson's choice. */
function statechartPlan(viz: VizModule, run: RunResult, index: TraceIndex, actorKind: string): ViewPlan {
  return {
    key: `statechart-${actorKind}`,
    label: `State machine of a ${actorKind}`,
    wide: false,
    mount: (el) => {
      let shownKind = '';
      let shownActor: number | undefined;
      let chart: (ViewHandle & { setActive(p: string | null): void }) | undefined;
      // The title names the actor whose state is highlighted (the selected one, else the first of the kind).
      const show = (kind: string, actor: number | undefined) => {
        const graph = run.machines[kind];
        if (!graph || (kind === shownKind && actor === shownActor)) return;
        chart?.destroy();
        el.replaceChildren();
        shownKind = kind;
        shownActor = actor;
        const name = run.actors.find((a) => a.id === actor)?.name;
        chart = viz.mountStatechart(el, graph, {
          title: name && name !== kind ? `State machine: ${kind} (${name})` : `State machine: ${kind}`,
        });
      };
      const firstOf = (kind: string) => run.actors.find((a) => a.kind === kind)?.id;
      show(actorKind, firstOf(actorKind));
      return {
        update(t) {
          const sel = useStore.getState().selectedActor;
          const selKind = sel === null ? undefined : run.actors.find((a) => a.id === sel)?.kind;
          const kind = selKind && run.machines[selKind] ? selKind : actorKind;
          const actor = sel !== null && selKind === kind ? sel : firstOf(kind);
          show(kind, actor);
          chart?.update(t);
          chart?.setActive(actor === undefined ? null : index.stateAt(actor, t) || null);
        },
        resize: () => chart?.resize(),
        destroy: () => chart?.destroy(),
      };
    },
  };
}

/** Mount plans for a lesson's views over one run. */
export function planViews(viz: VizModule, run: RunResult, index: TraceIndex, specs: ViewSpec[]): ViewPlan[] {
  return specs.map((spec, i): ViewPlan => {
    switch (spec.kind) {
      case 'topology':
        return {
          key: `topology-${i}`,
          label: 'Topology: actors and the messages moving between them',
          wide: true,
          note: spec.note,
          mount: (el) => {
            const h = viz.mountTopology(el, index, {
              onSelectActor: (id) => useStore.getState().selectActor(id),
              tones: spec.tones,
            });
            let selected = useStore.getState().selectedActor;
            h.select(selected);
            return {
              update: (t) => {
                const now = useStore.getState().selectedActor;
                if (now !== selected) h.select((selected = now));
                h.update(t);
              },
              resize: () => h.resize(),
              destroy: () => h.destroy(),
            };
          },
        };
      case 'sequence':
        return {
          key: `sequence-${i}`,
          label: 'Space-time diagram of messages',
          wide: true,
          mount: (el) => sequenceFollowingSelection(viz, index, el, spec.maxActors ?? 6),
        };
      case 'timeseries':
        return {
          key: `ts-${spec.gauge}`,
          label: spec.title,
          wide: false,
          mount: (el) => viz.mountTimeSeries(el, index, spec),
        };
      case 'histogram':
        return {
          key: `hist-${spec.summary}`,
          label: spec.title,
          wide: false,
          mount: (el) => viz.mountHistogram(el, index, spec),
        };
      case 'logs':
        return {
          key: `logs-${i}`,
          label: spec.title,
          wide: true,
          mount: (el) => viz.mountLogs(el, index, spec),
        };
      case 'queue':
        return {
          key: `queue-${spec.visible}`,
          label: spec.title,
          wide: false,
          mount: (el) => viz.mountQueue(el, index, spec),
        };
      case 'statechart':
        return statechartPlan(viz, run, index, spec.actorKind);
      case 'loadBars':
        return {
          key: `bars-${spec.gauge}`,
          label: spec.title,
          wide: false,
          mount: (el) => viz.mountLoadBars(el, index, spec),
        };
      case 'ring':
        return {
          key: `ring-${spec.keys}`,
          label: spec.title,
          wide: false,
          mount: (el) => viz.mountRing(el, index, spec),
        };
    }
  });
}

/**
 * The space-time diagram shows the servers, the actors the learner selected (most recent
 * first) and then the busiest; selecting an actor in the topology adds its lifeline.
 */
function sequenceFollowingSelection(
  viz: VizModule,
  index: TraceIndex,
  el: HTMLElement,
  maxActors: number,
): ViewHandle {
  let pinned: number[] = [];
  let lastSelected: number | null = null;
  const mount = () => viz.mountSequence(el, index, { maxActors, pinned });
  let view = mount();
  return {
    update(t) {
      const sel = useStore.getState().selectedActor;
      if (sel !== lastSelected) {
        lastSelected = sel;
        if (sel !== null && !pinned.includes(sel)) {
          pinned = [sel, ...pinned].slice(0, Math.max(1, maxActors - 2));
          view.destroy();
          el.replaceChildren();
          view = mount();
        }
      }
      view.update(t);
    },
    resize: () => view.resize(),
    destroy: () => view.destroy(),
  };
}
