import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { metricNumber, metricSummary } from '../../src/lesson/metric-access';
import { gradePrediction, runLesson } from '../../src/lesson/run';
import lesson from './index';

type Overrides = Record<string, string | number>;
const calm: Overrides = { dropEveryMs: 0, serverRestartAtMs: 0 };

function run(code: string, params: Overrides = {}, faults: Fault[] = [], seed = 3) {
  const r = runLesson(lesson, { lessonId: 'sse', params, code, seed, faults }, { trace: false });
  return { ...r, n: (name: string) => metricNumber(r.metrics, name) };
}
const starter = lesson.code.starter;
const solution = lesson.code.solution;

describe('connections per browser', () => {
  test('HTTP/1.1: 8 tabs of one browser get 6 streams on 6 connections; 2 tabs wait', () => {
    const r = run(starter, { ...calm, clients: 1, tabs: 8, httpVersion: '1.1' });
    expect([r.n('openStreamsMax'), r.n('openConnectionsMax'), r.n('pendingStreamsMax')]).toEqual([6, 6, 2]);
  });

  test('HTTP/1.1: a freed connection goes to a waiting tab, but what it missed while waiting is lost', () => {
    const r = run(solution, {
      clients: 1,
      tabs: 8,
      httpVersion: '1.1',
      dropEveryMs: 5000,
      serverRestartAtMs: 0,
    });
    expect(r.n('openStreamsMax')).toBe(6);
    expect(r.n('eventsLost')).toBeGreaterThan(0);
    expect(r.n('eventsDelivered')).toBeGreaterThan(6 * r.n('eventsPublished') * 0.8);
  });

  test('HTTP/1.1, 8 tabs, no drops: the 2 waiting tabs miss every event, and the goal says so', () => {
    const params = { ...calm, clients: 1, tabs: 8 };
    const [h1, h2] = [run(solution, params, [], 1), run(solution, { ...params, httpVersion: '2' }, [], 1)];
    expect(h1.n('tabsStarved')).toBe(2);
    // Every event counts once per subscribed tab: delivered or lost, the same total as on HTTP/2.
    expect(h1.n('eventsDelivered') + h1.n('eventsLost')).toBeCloseTo(h2.n('eventsDelivered'), -1);
    const goal = h1.goals.find((g) => g.id === 'no-gaps')!;
    expect(goal.passed).toBe(false);
    expect(goal.detail).toMatch(/2 tabs were still waiting for a connection/);
  });

  test('HTTP/2: 8 tabs share one connection, nobody waits', () => {
    const r = run(starter, { ...calm, clients: 1, tabs: 8, httpVersion: '2' });
    expect([r.n('openStreamsMax'), r.n('openConnectionsMax'), r.n('pendingStreamsMax')]).toEqual([8, 1, 0]);
  });

  test('HTTP/2: the server limit of 100 concurrent streams per connection holds', () => {
    const r = run(starter, { ...calm, clients: 1, tabs: 110, httpVersion: '2', durationMs: 5000 });
    expect([r.n('openStreamsMax'), r.n('pendingStreamsMax')]).toEqual([100, 10]);
  });
});

describe('a stream that stays open', () => {
  test('without faults every tab receives every event once, one transit after it is published', () => {
    const r = run(starter, calm);
    expect([r.n('eventsLost'), r.n('eventsDuplicated'), r.n('reconnects')]).toEqual([0, 0, 0]);
    expect(r.n('eventsDelivered')).toBeGreaterThan(0.9 * 80 * r.n('eventsPublished'));
    // latency 50 ms one way plus up to 20 % jitter
    expect(metricSummary(r.metrics, 'deliveryLatencyMs').max).toBeLessThanOrEqual(60);
  });

  test('a server that ignores Last-Event-ID loses what was published during the reconnect; a replay loses nothing', () => {
    const restartOnly = { dropEveryMs: 0 };
    const naive = run(starter, restartOnly);
    const replaying = run(solution, restartOnly);
    expect(naive.n('eventsLost')).toBeGreaterThan(0);
    expect(replaying.n('eventsLost')).toBe(0);
    expect(replaying.n('eventsReplayed')).toBeGreaterThan(0);
  });

  test('loss at the restart without a replay: N·λ·(retry + 2 RTT + L + setup·(N + 1)/2), averaged over seeds', () => {
    // 80 tabs see their streams end at the crash, wait retry: 3 s, dial 2 RTT (TCP + TLS 1.3), send the
    // request (L ≈ 55 ms), then wait their turn in the server's setup queue (25 ms each, so (N + 1)/2 turns).
    const n = 80;
    const predicted = n * 2 * (3 + 0.2 + 0.055 + (0.025 * (n + 1)) / 2);
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    const lost = seeds.map((s) => run(starter, { dropEveryMs: 0 }, [], s).n('eventsLost'));
    const mean = lost.reduce((a, b) => a + b, 0) / seeds.length;
    expect(Math.abs(mean - predicted) / predicted).toBeLessThan(0.15);
  });

  test('a replay window shorter than the gap still loses events', () => {
    expect(run(solution, { replayBufferSize: 0 }).n('eventsLost')).toBeGreaterThan(0);
  });
});

describe('the restart storm', () => {
  test('with a fixed retry every tab that lost its stream comes back in the same second', () => {
    const r = run(starter, { dropEveryMs: 0 });
    expect(r.n('reconnectPeakPerSecond')).toBe(80);
    expect(r.n('setupQueueMax')).toBeGreaterThanOrEqual(70);
  });

  test('backoff with jitter spreads the same reconnects below the setup capacity', () => {
    const r = run(solution, { dropEveryMs: 0 });
    expect(r.n('reconnects')).toBeGreaterThanOrEqual(80);
    expect(r.n('reconnectPeakPerSecond')).toBeLessThanOrEqual(40);
  });

  test('HTTP/2 restart: every stream of every browser reconnects and nothing is lost with the solution', () => {
    const r = run(solution, { httpVersion: '2', tabs: 4, clients: 10 });
    expect(r.diagnostics).toEqual([]);
    expect(r.n('eventsLost')).toBe(0);
    expect(r.n('openConnectionsMax')).toBeLessThanOrEqual(10);
  });
});

describe('faults from the panel', () => {
  test('a cut link breaks the stream; after the heal the tab catches up from the replay', () => {
    const faults: Fault[] = [
      { at: 10_000, kind: 'partition', a: 'b1-tab1', b: 'server' },
      { at: 20_000, kind: 'heal', a: 'b1-tab1', b: 'server' },
    ];
    const r = run(solution, calm, faults);
    expect(r.diagnostics).toEqual([]);
    expect(r.n('reconnects')).toBeGreaterThan(0);
    expect(r.n('eventsLost')).toBe(0);
  });

  test('a closed and reopened tab starts afresh without counting a gap', () => {
    const faults: Fault[] = [
      { at: 10_000, kind: 'crash', actor: 'b2-tab1' },
      { at: 15_000, kind: 'restart', actor: 'b2-tab1' },
    ];
    const r = run(solution, { ...calm, httpVersion: '1.1', tabs: 6, clients: 2 }, faults);
    expect(r.diagnostics).toEqual([]);
    expect([r.n('eventsLost'), r.n('eventsDuplicated')]).toEqual([0, 0]);
  });
});

describe('learner code', () => {
  test('a replay of events the log does not hold is reported, not sent', () => {
    const bad = solution.replace(
      'return request.recent.filter((e) => e.id > last);',
      'return [{ id: 99999, publishedAt: 0 }];',
    );
    const r = run(bad);
    expect(r.diagnostics[0]?.message).toMatch(/replay must return events taken from request.recent/);
  });

  test('a negative reconnect delay is reported', () => {
    const bad = starter.replace('return info.retryMs;', 'return -1;');
    expect(run(bad).diagnostics[0]?.message).toMatch(/reconnectDelay must return a number of ms >= 0/);
  });

  test('replaying the whole window repeats events, which the goal catches', () => {
    const greedy = solution.replace(
      'return request.recent.filter((e) => e.id > last);',
      'return request.recent;',
    );
    const r = run(greedy);
    expect(r.n('eventsDuplicated')).toBeGreaterThan(0);
    expect(r.goals.find((g) => g.id === 'no-gaps')?.passed).toBe(false);
  });
});

test('predictions are graded to the answers the real systems give', () => {
  const s = { lessonId: 'sse', params: {}, seed: 7, faults: [] };
  expect(gradePrediction(lesson, 'six-per-browser', s).answer).toBe('six');
  expect(gradePrediction(lesson, 'http2-connections', s).answer).toBe('1');
  expect(gradePrediction(lesson, 'small-window', s).answer).toBe('some');
});
