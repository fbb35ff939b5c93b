import { manifest } from '../../lessons/manifest';
import { loadLesson } from '../../lessons/registry';
import type { ParamValue } from '../lesson/params';
import { runLesson } from '../lesson/run';
import type { AnyLessonRuntime, Scenario } from '../lesson/types';
import { allKnobsAtMax, LARGEST } from './largest';

export interface SuggestionCheck {
  knob: string;
  value: number;
  /** The run with the knob at the suggested value passed its pilot. */
  accepted: boolean;
  message?: string;
}

/** The knob values a refusal suggests: "lower clients from 200 to 15 or less, or ...". */
export function suggestionsOf(message: string): { knob: string; value: number }[] {
  return [...message.matchAll(/(\w+) from [\d.]+ to ([\d.]+) or less/g)].map((m) => ({
    knob: m[1]!,
    value: Number(m[2]),
  }));
}

/**
 * Runs a scenario until the budget refuses it or accepts it after its pilot; if refused,
 * does the same for each knob value the refusal suggests (one at a time, the others kept).
 * Undefined when the scenario itself is accepted.
 */
export function checkSuggestions(
  lesson: AnyLessonRuntime,
  scenario: Scenario,
): SuggestionCheck[] | undefined {
  const first = runLesson(lesson, scenario, { trace: false, untilAccepted: true });
  const refusal = first.diagnostics.find((d) => d.kind === 'budget');
  if (!refusal) return undefined;
  return suggestionsOf(refusal.message).map(({ knob, value }) => {
    const params: Record<string, ParamValue> = { ...scenario.params, [knob]: value };
    const r = runLesson(lesson, { ...scenario, params }, { trace: false, untilAccepted: true });
    const d = r.diagnostics[0];
    return { knob, value, accepted: r.diagnostics.length === 0, ...(d ? { message: d.message } : {}) };
  });
}

/** (f) For every lesson at its heaviest knobs: is each value a refusal suggests accepted? */
export async function suggestionsBench(only?: string): Promise<string[]> {
  const out: string[] = [];
  for (const id of manifest.flatMap((t) => t.lessons.map((l) => l.id))) {
    if (only && id !== only) continue;
    const lesson = (await loadLesson(id))!;
    const params = LARGEST[id] ?? allKnobsAtMax(lesson.params);
    const checks = checkSuggestions(lesson, { lessonId: id, params, seed: 1, faults: [] });
    if (!checks) {
      out.push(`(f) ${id}: heaviest knobs accepted`);
      continue;
    }
    const held = checks.filter((c) => c.accepted).length;
    const each = checks.map((c) => `${c.knob} ${c.value} ${c.accepted ? 'accepted' : 'REFUSED'}`).join(', ');
    out.push(`(f) ${id}: ${held} of ${checks.length} suggestions accepted (${each})`);
  }
  return out;
}
