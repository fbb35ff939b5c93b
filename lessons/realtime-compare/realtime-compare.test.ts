import { describe, expect, test } from 'vitest';
import { metricNumber, metricSummary } from '../../src/lesson/metric-access';
import { runLesson } from '../../src/lesson/run';
import lesson from './index';
import { chunkFramingBytes, sseFramingBytes } from '../../src/kit/protocol/http';
import { frameHeaderBytes as wsFrameHeaderBytes } from '../../src/kit/protocol/websocket';
import { handshakeBytes, handshakeRoundTrips } from '../../src/kit/transport/handshake';

type Overrides = Record<string, string | number>;

function run(params: Overrides, code = lesson.code.solution) {
  const r = runLesson(lesson, { lessonId: lesson.id, params, code, seed: 3, faults: [] }, { trace: false });
  expect(r.diagnostics).toEqual([]);
  return { ...r, n: (name: string) => metricNumber(r.metrics, name) };
}
const short = { durationMs: 60_000, override: 'short' };

describe('wire sizes', () => {
  test('RFC 6455 frame headers, SSE fields, HTTP/1.1 chunks, handshake round trips', () => {
    expect([
      wsFrameHeaderBytes(60, false),
      wsFrameHeaderBytes(60, true),
      wsFrameHeaderBytes(200, true),
      wsFrameHeaderBytes(70_000, false),
    ]).toEqual([2, 6, 8, 10]);
    expect(sseFramingBytes(42)).toBe('id: 42\ndata: \n\n'.length);
    expect(chunkFramingBytes(80)).toBe('50\r\n\r\n'.length);
    expect([handshakeRoundTrips('1.3'), handshakeRoundTrips('1.2')]).toEqual([2, 3]);
  });
});

describe('bytes on the wire add up', () => {
  test('short polling: every request carries its headers; bytes = handshakes + requests × headers + payloads', () => {
    const r = run(short);
    expect(r.n('headerBytes')).toBe(r.n('requests') * 800);
    expect(r.n('bytesOnWire')).toBe(r.n('handshakeBytes') + r.n('headerBytes') + r.n('payloadBytes'));
    // Every update sent down is one payload; chat POSTs carry one more payload each.
    expect(r.n('tickerPayloadBytes')).toBe(r.n('tickerUpdatesSent') * 60);
    expect(r.n('chatPayloadBytes')).toBe((r.n('chatUpdatesSent') + r.n('chatMessagesSent')) * 200);
  });

  test('WebSockets: one upgrade request per page, then 2-byte frame headers down and 8-byte ones up', () => {
    const r = run({ durationMs: 60_000, override: 'websocket' });
    expect(r.n('requests')).toBe(3 * 5);
    // One TLS 1.3 handshake per page: TCP 60 + 60 + 52, ClientHello 517, server flight 3,500, Finished 100.
    const handshake = handshakeBytes('1.3');
    expect(r.n('tickerHandshakeBytes')).toBe(5 * handshake);
    expect(r.n('tickerBytesOnWire')).toBe(5 * (handshake + 800) + r.n('tickerUpdatesSent') * (2 + 60));
    expect(r.n('chatBytesOnWire')).toBe(
      5 * (handshake + 800) + r.n('chatUpdatesSent') * (4 + 200) + r.n('chatMessagesSent') * (8 + 200),
    );
    expect(r.n('chatUpstreamOverheadPerMessage')).toBe(8);
  });

  test('SSE: one GET per page, then id/data framing plus an HTTP/1.1 chunk per event', () => {
    const r = run({ durationMs: 60_000, override: 'sse' });
    expect(r.n('tickerRequests')).toBe(5);
    const perEvent = r.n('tickerBytesPerUpdate');
    expect(perEvent).toBeGreaterThan(60 + 13 + 1 + 6);
    // The GET and the handshake, paid once per page, spread over ~100 events per page in 60 s.
    expect(perEvent).toBeLessThan(60 + 13 + 4 + 6 + (800 + handshakeBytes('1.3')) / 100);
  });

  test('every update published to a page reaches it, once, with every technique', () => {
    for (const override of ['short', 'long', 'sse', 'websocket']) {
      const r = run({ durationMs: 60_000, override });
      // Updates published in the last moments may still be in flight at the end.
      expect(r.n('updatesDelivered'), override).toBeLessThanOrEqual(r.n('updatesPublished'));
      expect(r.n('updatesDelivered'), override).toBeGreaterThan(r.n('updatesPublished') - 5 * 12);
    }
  });
});

describe('handshakes and keep-alive', () => {
  test("handshake bytes count: closing after every response raises the ticker's bytes per update", () => {
    const kept = run({ override: 'short' });
    const closed = run({ override: 'short', keepAliveTimeoutMs: 0 });
    // A page or two may be mid-handshake when the run ends.
    expect(closed.n('tickerHandshakes') - closed.n('tickerRequests')).toBeGreaterThanOrEqual(0);
    expect(closed.n('tickerHandshakes') - closed.n('tickerRequests')).toBeLessThanOrEqual(5);
    expect(closed.n('tickerBytesPerUpdate')).toBeGreaterThan(kept.n('tickerBytesPerUpdate') + 500);
  });

  test('a run too short for any notification says so instead of judging a p99 of nothing', () => {
    const r = run({ durationMs: 10_000 });
    const g = r.goals.find((x) => x.id === 'notifications-fresh')!;
    if (r.n('notificationsUpdatesDelivered') === 0) expect(g.detail).toMatch(/nothing was delivered/);
    expect(g.detail).not.toMatch(/over 0 deliveries/);
  });

  test('a poll every 30 s after a 5 s keep-alive needs a new connection each time: handshakes = requests', () => {
    const r = run(short);
    expect(r.n('notificationsHandshakes')).toBe(r.n('notificationsRequests'));
    expect(r.n('notificationsHandshakeRoundTrips')).toBe(2 * r.n('notificationsHandshakes'));
    // Each page's ticker polls (every 250 ms) keep one connection alive all along.
    expect(r.n('tickerHandshakes')).toBe(5);
  });

  test('TLS 1.2 costs 3 round trips per new connection, and shows in the delivery delay', () => {
    const r13 = run(short);
    const r12 = run({ ...short, tls: '1.2' });
    expect(r12.n('notificationsHandshakeRoundTrips')).toBe(3 * r12.n('notificationsHandshakes'));
    expect(metricSummary(r12.metrics, 'notificationsLatencyMs').mean).toBeGreaterThan(
      metricSummary(r13.metrics, 'notificationsLatencyMs').mean,
    );
  });

  test('keep-alive 0: every request opens its own connection', () => {
    const r = run({ ...short, keepAliveTimeoutMs: 0 });
    // A page or two may be mid-handshake when the run ends.
    expect(r.n('handshakes') - r.n('requests')).toBeGreaterThanOrEqual(0);
    expect(r.n('handshakes') - r.n('requests')).toBeLessThanOrEqual(15);
  });

  test('a 75 s keep-alive holds a 30 s poller connection all the time', () => {
    // Pages open within the first 30 s: from then on each holds its connection.
    const long = { ...short, durationMs: 300_000 };
    expect(run({ ...long, keepAliveTimeoutMs: 75_000 }).n('notificationsConnectionsPerUser')).toBeGreaterThan(
      0.9,
    );
    expect(run(long).n('notificationsConnectionsPerUser')).toBeLessThan(0.25);
  });
});

describe('connections held and memory', () => {
  test('a stream holds one connection per page; memory = connections × 70 KiB', () => {
    const r = run({ override: 'sse', durationMs: 60_000 });
    expect(r.n('tickerOpenConnectionsMax')).toBe(5);
    expect(r.n('tickerServerMemoryBytesMax')).toBe(5 * 70 * 1024);
    expect(r.n('serverMemoryBytesMax')).toBe(r.n('openConnectionsMax') * 70 * 1024);
  });

  test('stream delivery takes one transit; a long poll up to three', () => {
    const ws = metricSummary(run({ override: 'websocket', durationMs: 60_000 }).metrics, 'tickerLatencyMs');
    expect(ws.p99).toBeLessThanOrEqual(55);
    // Updates published while the page's upgrade request was in flight wait for it: two transits.
    expect(ws.max).toBeLessThanOrEqual(2 * 55);
    const long = metricSummary(run({ override: 'long', durationMs: 60_000 }).metrics, 'tickerLatencyMs');
    expect(long.p99).toBeGreaterThan(100);
    expect(long.max).toBeLessThanOrEqual(3 * 55);
  });
});

describe('learner code and faults', () => {
  test('a wrong return value is reported with the workload', () => {
    const r = runLesson(
      lesson,
      {
        lessonId: lesson.id,
        params: {},
        code: "export function chooseTechnique() { return 'carrier-pigeon'; }",
        seed: 3,
        faults: [],
      },
      { trace: false },
    );
    expect(r.diagnostics[0]?.message).toMatch(/chooseTechnique must return .* ticker workload/);
  });

  test('streams reconnect after a server restart and resume without loss', () => {
    const r = runLesson(
      lesson,
      {
        lessonId: lesson.id,
        params: { durationMs: 60_000, override: 'websocket' },
        code: lesson.code.solution,
        seed: 3,
        faults: [
          { at: 20_000, kind: 'crash', actor: 'chat-server' },
          { at: 22_000, kind: 'restart', actor: 'chat-server' },
        ],
      },
      { trace: false },
    );
    expect(r.diagnostics).toEqual([]);
    expect(metricNumber(r.metrics, 'chatHandshakes')).toBe(10);
    expect(metricNumber(r.metrics, 'chatUpdatesDelivered')).toBeGreaterThan(
      metricNumber(r.metrics, 'chatUpdatesPublished') - 10,
    );
  });
});
