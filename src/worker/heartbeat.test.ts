import { describe, expect, test } from 'vitest';
import { makeHeartbeat, type WorkerSignal } from './heartbeat';

/** A heartbeat on a hand-driven clock, and what the watchdog side would believe. */
function setup() {
  let t = 0;
  const posts: WorkerSignal[] = [];
  const hb = makeHeartbeat(
    (s) => posts.push(s),
    () => t,
  );
  const belief = () => {
    const b = posts.at(-1);
    return b && b.simSignal === 'beat' ? (b.inside ?? 'engine') : 'none';
  };
  return { hb, posts, belief, advance: (ms: number) => (t += ms) };
}

describe('heartbeat', () => {
  test('a learner call right after an engine beat is announced before it runs (a hang inside it is the learner’s)', () => {
    const { hb, belief, advance } = setup();
    hb.engine();
    advance(0.5);
    hb.enter('nextPollDelay');
    // If nextPollDelay never returns, this is the last thing the watchdog heard.
    expect(belief()).toBe('nextPollDelay');
  });

  test('after a slow call the engine is blamed for nothing: leaving says so', () => {
    const { hb, belief, advance } = setup();
    hb.engine();
    hb.enter('f');
    advance(5);
    hb.exit();
    expect(belief()).toBe('engine');
  });

  test('thousands of quick calls post a bounded number of beats', () => {
    const { hb, posts, advance } = setup();
    hb.engine();
    for (let i = 0; i < 10_000; i++) {
      hb.enter(i % 2 ? 'a' : 'b');
      advance(0.01);
      hb.exit();
      advance(0.09);
      if (i % 500 === 0) hb.engine();
    }
    // 1 s of wall time: at most one beat per ENTER_SWITCH_MS (2 ms) plus the engine's.
    expect(posts.length).toBeLessThan(600);
    expect(posts.length).toBeGreaterThan(10);
  });
});
