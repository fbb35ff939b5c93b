import { MAX_SEEDS } from '../share/codec';
import { RunCancelled } from '../worker/client';
import { SimPool } from '../worker/pool';
import { scenarioOf } from './scenario';
import type { SeedOutcome } from './slices/run-slice';
import { useStore } from './store';

export const DEFAULT_SEEDS = 20;

let pool: SimPool | undefined;
/** Identifies the many-seeds run in progress; results of an older one are dropped. */
let token = 0;

/** The scenario without its seed, to tell whether a many-seeds run matches the knobs and code on screen. */
export function seedsKeyOf(s: Parameters<typeof scenarioOf>[0]): string {
  const sc = scenarioOf(s);
  return sc ? JSON.stringify({ ...sc, seed: undefined }) : '';
}

/**
 * Runs the current scenario over `count` seeds from its own seed, in parallel workers,
 * collecting each seed's metrics and goals as it finishes (the traces are not kept).
 */
export async function runSeeds(count = DEFAULT_SEEDS): Promise<void> {
  const s = useStore.getState();
  const scenario = scenarioOf(s);
  if (!scenario) return;
  count = Math.max(2, Math.min(MAX_SEEDS, Math.round(count)));
  pool?.cancel();
  pool ??= new SimPool();
  const mine = ++token;
  const fromSeed = scenario.seed;
  const key = seedsKeyOf(s);
  const outcomes: SeedOutcome[] = [];
  s.setSeedsRun({ count, fromSeed, key, outcomes, running: true });
  const scenarios = Array.from({ length: count }, (_, i) => ({ ...scenario, seed: (fromSeed + i) >>> 0 }));
  let error: string | undefined;
  await pool.runAll(scenarios, (i, r) => {
    if (token !== mine) return;
    if (r instanceof Error) {
      if (!(r instanceof RunCancelled)) error ??= `seed ${scenarios[i]!.seed}: ${r.message}`;
      return;
    }
    outcomes.push({ seed: r.seed, ok: r.ok, metrics: r.metrics, goals: r.goals });
    outcomes.sort((a, b) => a.seed - b.seed);
    useStore.getState().setSeedsRun({ count, fromSeed, key, outcomes: [...outcomes], running: true });
  });
  if (token !== mine) return;
  useStore
    .getState()
    .setSeedsRun({ count, fromSeed, key, outcomes, running: false, ...(error ? { error } : {}) });
}

/** Stops a many-seeds run; the seeds already finished stay on screen. */
export function cancelSeeds(): void {
  const run = useStore.getState().seedsRun;
  token++;
  pool?.cancel();
  if (run) useStore.getState().setSeedsRun({ ...run, running: false });
}

/** Closes the many-seeds panel (and the link stops carrying it). */
export function closeSeeds(): void {
  cancelSeeds();
  useStore.getState().setSeedsRun(null);
}
