import { Simulation } from '../engine/sim';
import { loadLearnerCode } from './learner';
import { resolveParams } from './params';
import type { AnyLessonRuntime as AnyLesson, Scenario } from './types';

/** One actor as it was at a moment of a run: its state and its xstate context. */
export interface ActorSnapshot {
  name: string;
  atMs: number;
  state: string;
  /** The context as plain data (functions and the model's `io` plumbing left out). */
  context: unknown;
}

const MAX_ITEMS = 40;
const MAX_DEPTH = 4;

/** Context as JSON-safe data: Maps and Sets become objects and arrays, long lists are cut. */
export function plainData(v: unknown, depth = 0): unknown {
  if (
    v === null ||
    v === undefined ||
    typeof v === 'number' ||
    typeof v === 'string' ||
    typeof v === 'boolean'
  )
    return v ?? null;
  if (typeof v !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return '…';
  const list = (items: unknown[]) => {
    const out = items.slice(0, MAX_ITEMS).map((x) => plainData(x, depth + 1));
    return items.length > MAX_ITEMS ? [...out, `… ${items.length - MAX_ITEMS} more`] : out;
  };
  if (Array.isArray(v) || ArrayBuffer.isView(v))
    return list([...(v as ArrayLike<unknown> & Iterable<unknown>)]);
  if (v instanceof Set) return list([...v]);
  const entries = v instanceof Map ? [...v].map(([k, x]) => [String(k), x] as const) : Object.entries(v);
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries.slice(0, MAX_ITEMS)) {
    if (k === 'io' || typeof x === 'function') continue;
    out[k] = plainData(x, depth + 1);
  }
  return out;
}

/**
 * Replays the scenario (runs are deterministic) up to `atMs` without a trace and reads
 * one actor: how the page shows an actor's context at any moment of the playback.
 */
export function inspectActor(
  lesson: AnyLesson,
  scenario: Scenario,
  actorId: number,
  atMs: number,
): ActorSnapshot {
  const resolved = resolveParams(lesson.params, scenario.params);
  if (!resolved.ok) throw new Error(resolved.errors.join('; '));
  const sim = new Simulation({ seed: scenario.seed, trace: false });
  const learnerRng = sim.rng.fork('learner');
  const learner = loadLearnerCode(lesson, scenario.code ?? lesson.code.starter, () => learnerRng.next());
  if (!learner.ok) throw new Error(learner.diagnostic.message);
  lesson.build(sim, resolved.params, learner.api);
  sim.scheduleFaults(scenario.faults);
  sim.run(atMs);
  const info = sim.actors[actorId];
  if (!info) throw new Error(`no actor #${actorId} at ${atMs} ms`);
  const now = sim.inspect(actorId);
  if (!now) return { name: info.name, atMs, state: 'down', context: null };
  return { name: info.name, atMs, state: now.state, context: plainData(now.context) };
}
