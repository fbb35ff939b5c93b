import { loadLesson } from '../../lessons/registry';
import { Simulation } from '../engine/sim';
import { hardenRealm } from '../sandbox/realm';
import { resolveParams } from '../lesson/params';
import { loadLearnerCode } from '../lesson/learner';

/** `node scripts/run-ts.mjs src/bench/probe-work.ts <lesson> <durationMs> [name=value...]`: work and CPU per virtual slice. */
export async function main(args: string[]): Promise<number> {
  hardenRealm();
  const [id, dur, ...sets] = args;
  const lesson = (await loadLesson(id!))!;
  const overrides = Object.fromEntries(sets.map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  const params = (
    resolveParams(lesson.params, { ...overrides, durationMs: Number(dur) }) as {
      params: Record<string, number>;
    }
  ).params;
  const sim = new Simulation({ seed: 1, trace: true });
  const rng = sim.rng.fork('learner');
  const learner = loadLearnerCode(lesson, lesson.code.starter, () => rng.next());
  if (!learner.ok) throw new Error('learner');
  lesson.build(sim, params, learner.api);
  const d = Number(dur);
  const c0 = process.cpuUsage();
  for (let k = 1; k <= 10; k++) {
    sim.scheduler.runUntil((d * k) / 10);
    const cpu = process.cpuUsage(c0);
    const work = sim.scheduler.executed + sim.metrics.observations / 8;
    console.log(
      `t=${sim.now} events=${sim.scheduler.executed} obs=${sim.metrics.observations} work=${Math.round(work)} cpu=${((cpu.user + cpu.system) / 1e6).toFixed(2)}s us/work=${((cpu.user + cpu.system) / work).toFixed(1)} trace=${sim.trace.length}`,
    );
  }
  return 0;
}
