import { performance } from 'node:perf_hooks';
import { loadLesson } from '../../lessons/registry';
import { runLesson } from '../lesson/run';

/** Times one polling run of 100 clients (warm), for profiling. */
export async function main(): Promise<number> {
  const lesson = (await loadLesson('polling'))!;
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const r = runLesson(lesson, { lessonId: 'polling', params: { clients: 100 }, seed: i, faults: [] });
    console.log(`${(performance.now() - t0).toFixed(1)} ms, ${r.trace.length} events`);
  }
  return 0;
}
