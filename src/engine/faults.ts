/** Faults a scenario can schedule, naming actors by their names. Times are virtual ms. */
export type Fault =
  | { at: number; kind: 'crash'; actor: string }
  | { at: number; kind: 'restart'; actor: string }
  | { at: number; kind: 'partition'; a: string; b: string }
  | { at: number; kind: 'heal'; a: string; b: string }
  | { at: number; kind: 'slow'; a: string; b: string; factor: number };

export type FaultKind = Fault['kind'];

export function describeFault(f: Fault): string {
  switch (f.kind) {
    case 'crash':
      return `crash ${f.actor}`;
    case 'restart':
      return `restart ${f.actor}`;
    case 'partition':
      return `partition ${f.a} / ${f.b}`;
    case 'heal':
      return `heal ${f.a} / ${f.b}`;
    case 'slow':
      return `slow ${f.a} / ${f.b} x${f.factor}`;
  }
}
