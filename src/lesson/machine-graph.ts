import type { AnyStateMachine } from 'xstate';

/** A serialisable picture of an xstate machine, for the statechart view. */
export interface MachineGraph {
  id: string;
  /** Dotted state paths ("waiting", "busy.sending"); parents before children. */
  states: { path: string; parent: string | null; type: string; initial: boolean }[];
  transitions: { from: string; to: string; event: string; guarded: boolean }[];
}

type Node = AnyStateMachine['root'];

/** "xstate.after.pollDelay.client.waiting" reads better as "after pollDelay". */
function eventLabel(type: string): string {
  const after = /^xstate\.after\.([^.]+)\./.exec(type);
  if (after) return `after ${after[1]}`;
  return type === '' ? 'always' : type;
}

export function describeMachine(machine: AnyStateMachine): MachineGraph {
  const graph: MachineGraph = { id: machine.id, states: [], transitions: [] };
  const pathOf = (n: Node) => n.path.join('.');
  const visit = (node: Node) => {
    const path = pathOf(node);
    if (path) {
      const parent = node.parent && node.parent.path.length ? pathOf(node.parent) : null;
      const initialKey = node.parent?.config.initial;
      graph.states.push({ path, parent, type: node.type, initial: initialKey === node.key });
      const lists = [...node.transitions.values(), node.always ?? []];
      for (const list of lists) {
        for (const t of list) {
          const targets = t.target?.length ? t.target : [node];
          for (const target of targets) {
            graph.transitions.push({
              from: path,
              to: pathOf(target as Node),
              event: eventLabel(t.eventType),
              guarded: Boolean(t.guard),
            });
          }
        }
      }
    }
    for (const child of Object.values(node.states)) visit(child as Node);
  };
  visit(machine.root);
  return graph;
}
