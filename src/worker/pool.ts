import type { RunResult, Scenario } from '../lesson/types';
import { SimClient, WorkerTimeout } from './client';

/** How many workers a pool uses: the machine's cores, leaving the page one when it can, at most 8. */
export function poolSize(cores = globalThis.navigator?.hardwareConcurrency ?? 2): number {
  return Math.max(1, Math.min(8, cores > 2 ? cores - 1 : cores));
}

/**
 * Several simulation workers side by side (each a SimClient with its own watchdog),
 * for running one scenario over many seeds without holding up the page: the work is
 * off the main thread, and results arrive one by one as each worker finishes.
 */
export class SimPool {
  private readonly clients: SimClient[];

  constructor(size = poolSize()) {
    this.clients = Array.from({ length: size }, () => new SimClient());
  }

  get size(): number {
    return this.clients.length;
  }

  /**
   * Runs every scenario, at most one per worker at a time, calling `onResult` as each
   * lands (in completion order). A failed call gives its error instead of a result.
   */
  async runAll(
    scenarios: readonly Scenario[],
    onResult: (index: number, result: RunResult | Error) => void,
  ): Promise<void> {
    let next = 0;
    // Code that loops forever times out on every seed: after a second timeout in a row, stop.
    let stopped = false;
    const lane = async (client: SimClient) => {
      while (next < scenarios.length && !stopped) {
        const i = next++;
        // A worker starved of CPU by its siblings can miss the watchdog: one more try on a fresh one.
        for (let attempt = 0; ; attempt++) {
          try {
            onResult(i, await client.run(scenarios[i]!));
            break;
          } catch (err) {
            if (err instanceof WorkerTimeout && attempt === 0) continue;
            if (err instanceof WorkerTimeout) stopped = true;
            onResult(i, err instanceof Error ? err : new Error(String(err)));
            break;
          }
        }
      }
    };
    await Promise.all(this.clients.map(lane));
  }

  /** Stops every worker (pending runs reject with RunCancelled); the pool can be used again. */
  cancel(): void {
    for (const c of this.clients) c.cancel();
  }
}
