import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import * as v from 'valibot';
import type { Fault } from '../engine/faults';
import { defaultParams, resolveParams, type ParamSpecs, type ParamValue } from '../lesson/params';
import type { Scenario } from '../lesson/types';

/**
 * Scenario + playback moment <-> the `s=` part of a share link. Only what differs
 * from the lesson's defaults is written, so links stay short; the version field lets
 * a later format read (or politely refuse) old links.
 */
export const SHARE_VERSION = 1;
export const DEFAULT_SEED = 1;

/** What the codec needs to know about a lesson (a subset of the Lesson object). */
export interface ShareLesson {
  id: string;
  params: ParamSpecs;
  code: { starter: string };
}

export interface ShareState {
  scenario: Scenario;
  /** Playback time, virtual ms. */
  t: number;
  compare: boolean;
  /** Narrative step shown (0-based); omitted means the first. */
  step?: number;
  /** Seeds of a many-seeds run shown beside the run (count, from the scenario's seed). */
  seeds?: number;
}

/** Largest many-seeds run a link may ask for. */
export const MAX_SEEDS = 100;

export interface DecodedShare extends ShareState {
  /** True when the location carried a usable scenario (so its code, or the starter, is what runs). */
  fromLink?: boolean;
  /** Set when the link could not be used as it was; says what happened, for the learner. */
  notice?: string;
}

const name = v.pipe(v.string(), v.maxLength(100));
const at = v.pipe(v.number(), v.finite(), v.minValue(0));
const FaultSchema = v.variant('kind', [
  v.object({ kind: v.literal('crash'), at, actor: name }),
  v.object({ kind: v.literal('restart'), at, actor: name }),
  v.object({ kind: v.literal('partition'), at, a: name, b: name }),
  v.object({ kind: v.literal('heal'), at, a: name, b: name }),
  v.object({
    kind: v.literal('slow'),
    at,
    a: name,
    b: name,
    factor: v.pipe(v.number(), v.finite(), v.minValue(0)),
  }),
]);

const PayloadSchema = v.object({
  v: v.literal(SHARE_VERSION),
  p: v.optional(v.record(v.string(), v.union([v.number(), v.string()]))),
  c: v.optional(v.pipe(v.string(), v.maxLength(200_000))),
  seed: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 32 - 1))),
  f: v.optional(v.pipe(v.array(FaultSchema), v.maxLength(200))),
  t: v.optional(at),
  cmp: v.optional(v.boolean()),
  st: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000))),
  ms: v.optional(v.pipe(v.number(), v.integer(), v.minValue(2), v.maxValue(MAX_SEEDS))),
});
type Payload = v.InferOutput<typeof PayloadSchema>;

export function encodeShare(lesson: ShareLesson, state: ShareState): string {
  const defaults = defaultParams(lesson.params) as Record<string, ParamValue>;
  const p: Record<string, ParamValue> = {};
  for (const [k, val] of Object.entries(state.scenario.params)) if (defaults[k] !== val) p[k] = val;
  const { code, seed, faults } = state.scenario;
  const payload: Payload = { v: SHARE_VERSION };
  if (Object.keys(p).length) payload.p = p;
  if (code !== undefined && code !== lesson.code.starter) payload.c = code;
  if (seed !== DEFAULT_SEED) payload.seed = seed;
  if (faults.length) payload.f = faults;
  if (state.t > 0) payload.t = Math.round(state.t * 1000) / 1000;
  if (state.compare) payload.cmp = true;
  if (state.step) payload.st = state.step;
  if (state.seeds && state.seeds > 1) payload.ms = state.seeds;
  return compressToEncodedURIComponent(JSON.stringify(payload));
}

/** The `s=` value of a location (full URL, hash, or query string); undefined when absent. */
export function shareParamOf(location: string): string | undefined {
  const q = location.indexOf('?');
  if (q < 0) return undefined;
  const query = location.slice(q + 1).split('#')[0] ?? '';
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === 's') return part.slice(eq + 1);
  }
  return undefined;
}

export function defaultShareState(lesson: ShareLesson): ShareState {
  return {
    scenario: { lessonId: lesson.id, params: {}, seed: DEFAULT_SEED, faults: [] },
    t: 0,
    compare: false,
  };
}

function parsePayload(s: string): Payload | string {
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(s);
  } catch {
    json = null;
  }
  if (!json) return 'it is damaged or cut short';
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return 'it is damaged or cut short';
  }
  if (raw && typeof raw === 'object' && 'v' in raw && raw.v !== SHARE_VERSION) {
    return `it was made by a different version of the playground (format ${String(raw.v)})`;
  }
  const parsed = v.safeParse(PayloadSchema, raw);
  return parsed.success ? parsed.output : 'its contents are not a valid scenario';
}

/**
 * Reads the scenario a location carries for `lesson`. Never throws: anything it
 * cannot use falls back to the lesson's defaults, with a notice saying so.
 */
export function decodeShare(location: string, lesson: ShareLesson): DecodedShare {
  const fallback = defaultShareState(lesson);
  const s = shareParamOf(location);
  if (s === undefined || s === '') return fallback;
  const payload = parsePayload(s);
  if (typeof payload === 'string') {
    return {
      ...fallback,
      notice: `This share link could not be opened (${payload}), so the lesson starts with its defaults.`,
    };
  }
  const resolved = resolveParams(lesson.params, payload.p ?? {});
  const params = resolved.ok ? (payload.p ?? {}) : {};
  const scenario: Scenario = {
    lessonId: lesson.id,
    params,
    seed: payload.seed ?? DEFAULT_SEED,
    faults: (payload.f ?? []) as Fault[],
  };
  // A link always says which code ran: no code in it means the starter, not the reader's own.
  scenario.code = payload.c ?? lesson.code.starter;
  const out: DecodedShare = { scenario, t: payload.t ?? 0, compare: payload.cmp ?? false };
  if (payload.st) out.step = payload.st;
  if (payload.ms) out.seeds = payload.ms;
  out.fromLink = true;
  if (!resolved.ok)
    out.notice = `Some settings in this share link were not valid (${resolved.errors.join('; ')}), so the knobs start at their defaults.`;
  return out;
}
