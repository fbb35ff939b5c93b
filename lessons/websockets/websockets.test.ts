import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Fault } from '../../src/engine/faults';
import { EventKind } from '../../src/engine/trace';
import { metricNumber, metricSummary } from '../../src/lesson/metric-access';
import { runLesson } from '../../src/lesson/run';
import type { RunResult } from '../../src/lesson/types';
import {
  frameHeaderBytes,
  SEC_WEBSOCKET_ACCEPT,
  SEC_WEBSOCKET_KEY,
  UPGRADE_REQUEST,
  UPGRADE_RESPONSE,
  WEBSOCKET_GUID,
} from '../../src/kit/protocol/websocket';
import lesson from './index';
import { TCP_GIVE_UP_MS } from '../../src/kit/transport/tcp';

type Params = Record<string, string | number>;

function run(code: string, params: Params = {}, faults: Fault[] = [], trace = false): RunResult {
  const r = runLesson(lesson, { lessonId: 'websockets', params, code, seed: 7, faults }, { trace });
  expect(r.diagnostics).toEqual([]);
  return r;
}

const policy = (hb: string, broadcast: string) => `
export function heartbeat() { return ${hb}; }
export function onBroadcast(conn) { ${broadcast} }`;
const capAt = (bytes: number, over: string) =>
  `return conn.bufferedBytes + conn.frameBytes <= ${bytes} ? 'send' : '${over}';`;

/** Labels of messages sent from one actor to another, in trace order. */
function sends(r: RunResult, from: string, to: string): { t: number; label: string }[] {
  const id = (n: string) => r.actors.find((a) => a.name === n)!.id;
  const [a, b] = [id(from), id(to)];
  const out: { t: number; label: string }[] = [];
  for (let i = 0; i < r.trace.length; i++) {
    if (r.trace.kind[i] === EventKind.Send && r.trace.a[i] === a && r.trace.b[i] === b)
      out.push({ t: r.trace.t[i]!, label: r.trace.strings[r.trace.c[i]!]! });
  }
  return out;
}

function states(r: RunResult, name: string): string[] {
  const id = r.actors.find((a) => a.name === name)!.id;
  const out: string[] = [];
  for (let i = 0; i < r.trace.length; i++)
    if (r.trace.kind[i] === EventKind.State && r.trace.a[i] === id) out.push(r.trace.strings[r.trace.c[i]!]!);
  return out;
}

describe('RFC 6455 wire format', () => {
  test('frame headers: 2 bytes up to 125, 4 up to 65535, 10 beyond; +4 when masked (§5.2)', () => {
    expect([0, 125, 126, 65535, 65536].map((n) => frameHeaderBytes(n, false))).toEqual([2, 2, 4, 4, 10]);
    expect([125, 126, 65536].map((n) => frameHeaderBytes(n, true))).toEqual([6, 8, 14]);
  });

  test('Sec-WebSocket-Accept is base64(SHA-1(key + GUID)), the RFC §1.3 example', () => {
    const accept = createHash('sha1')
      .update(SEC_WEBSOCKET_KEY + WEBSOCKET_GUID)
      .digest('base64');
    expect(accept).toBe(SEC_WEBSOCKET_ACCEPT);
    expect(UPGRADE_REQUEST).toContain('Upgrade: websocket\r\nConnection: Upgrade\r\n');
    expect(UPGRADE_RESPONSE.startsWith('HTTP/1.1 101 Switching Protocols\r\n')).toBe(true);
  });
});

describe('the connection', () => {
  test('TCP handshake, then the HTTP Upgrade, then one long-lived connection', () => {
    const r = run(lesson.code.solution, {}, [], true);
    const up = sends(r, 'client-3', 'server').map((s) => s.label);
    const down = sends(r, 'server', 'client-3').map((s) => s.label);
    expect(up.slice(0, 3)).toEqual(['SYN', 'ACK', 'GET /room Upgrade: websocket']);
    expect(down.slice(0, 2)).toEqual(['SYN-ACK', '101 Switching Protocols']);
    expect(states(r, 'client-3').slice(0, 4)).toEqual([
      'pageLoading',
      'CONNECTING.tcpHandshake',
      'CONNECTING.httpUpgrade',
      'OPEN',
    ]);
    expect(metricNumber(r.metrics, 'handshakes')).toBe(10);
    const opened = [...r.trace.kind].filter(
      (k, i) => k === EventKind.Connection && r.trace.v[i] === 1,
    ).length;
    expect(opened).toBe(10);
    // Full duplex: after the handshake both directions carry frames, with no new request.
    expect(up.filter((l) => l.startsWith('text')).length).toBeGreaterThan(10);
    expect(down.filter((l) => l.startsWith('text')).length).toBeGreaterThan(100);
  });

  test('bytesOnWire = handshakes + client frames (masked) + server frames, exactly', () => {
    const p = { appHeartbeat: 'off', deadPeerAtMs: 60000, slowClientKBps: 1250, messageBytes: 200 };
    const m = run(lesson.code.starter, p).metrics;
    const fromClients = metricNumber(m, 'textFramesFromClients');
    const fromServer = metricNumber(m, 'framesSent') - fromClients;
    expect(metricNumber(m, 'clientTextFrameBytes')).toBe(208);
    const handshake = 10 * (UPGRADE_REQUEST.length + UPGRADE_RESPONSE.length);
    expect(metricNumber(m, 'bytesOnWire')).toBe(handshake + fromClients * 208 + fromServer * 204);
  });

  test('a crashed tab is noticed at once: its OS sends a FIN', () => {
    const r = run(lesson.code.starter, {}, [{ at: 30000, kind: 'crash', actor: 'client-5' }], true);
    const fin = sends(r, 'client-5', 'server').find((s) => s.label.startsWith('FIN'));
    expect(fin?.t).toBe(30000);
    const id = r.actors.find((a) => a.name === 'client-5')!.id;
    const closedAt = [...r.trace.kind]
      .map((k, i) =>
        k === EventKind.Connection && r.trace.a[i] === id && r.trace.v[i] === 0 ? r.trace.t[i] : undefined,
      )
      .find((t) => t !== undefined);
    expect(closedAt).toBeGreaterThan(30000);
    expect(closedAt).toBeLessThan(30000 + 2 * 55);
  });
});

describe('dead peers', () => {
  test('without a heartbeat, TCP alone lets go only after tcp_retries2 (≥ 924.6 s)', () => {
    const p = { appHeartbeat: 'off', clients: 2, messagesPerSecond: 1, durationMs: 1_000_000 };
    const s = metricSummary(run(lesson.code.starter, p).metrics, 'deadPeerDetectionMs');
    expect(s.count).toBe(1);
    expect(s.max).toBeGreaterThanOrEqual(TCP_GIVE_UP_MS);
    expect(s.max).toBeLessThan(TCP_GIVE_UP_MS + 10_000);
  });

  test('detection takes between k·I − RTT and (k+1)·I', () => {
    for (const [interval, k] of [
      [5000, 2],
      [3000, 1],
      [2000, 4],
    ] as const) {
      const code = policy(`{ pingIntervalMs: ${interval}, missedPongsAllowed: ${k} }`, capAt(16384, 'drop'));
      const s = metricSummary(run(code).metrics, 'deadPeerDetectionMs');
      // A ping sent up to one RTT before the network vanished is already lost: its pong was on the way.
      expect(s.max).toBeGreaterThanOrEqual(k * interval - 2 * 1.1 * 50);
      expect(s.max).toBeLessThanOrEqual((k + 1) * interval);
    }
  });

  test('a ping waits behind queued data: a lagging but live client fails a tight heartbeat', () => {
    const tight = run(
      policy('{ pingIntervalMs: 1000, missedPongsAllowed: 1 }', capAt(16384, 'drop')),
    ).metrics;
    expect(metricNumber(tight, 'slowClientDisconnects')).toBe(1);
    expect(metricNumber(tight, 'healthyDisconnects')).toBe(0);
    const patient = run(lesson.code.solution).metrics;
    expect(metricNumber(patient, 'slowClientDisconnects')).toBe(0);
  });
});

describe('the slow client', () => {
  test('buffering everything grows memory with time; a cap bounds it', () => {
    const p = { appHeartbeat: 'off', deadPeerAtMs: 3_600_000 };
    const grow = (code: string, durationMs: number) =>
      metricNumber(run(code, { ...p, durationMs }).metrics, 'serverMemoryBytesMax');
    const idle = 10 * 70 * 1024;
    const [a, b] = [grow(lesson.code.starter, 30000), grow(lesson.code.starter, 60000)];
    expect((b - idle) / (a - idle)).toBeGreaterThan(1.7);
    const capped = policy('{ pingIntervalMs: null, missedPongsAllowed: 1 }', capAt(16384, 'drop'));
    const [c30, c60] = [grow(capped, 30000), grow(capped, 60000)];
    expect(c60 - c30).toBeLessThan(8 * 1024);
    expect(c60 - idle).toBeLessThan(10 * 16 * 1024);
  });

  test("'disconnect' runs the close handshake: OPEN, CLOSING, CLOSED", () => {
    const r = run(
      policy('{ pingIntervalMs: 5000, missedPongsAllowed: 2 }', capAt(16384, 'disconnect')),
      {},
      [],
      true,
    );
    expect(states(r, 'client-2').slice(-3)).toEqual(['OPEN', 'CLOSING', 'CLOSED']);
    expect(
      sends(r, 'server', 'client-2')
        .map((s) => s.label)
        .slice(-2),
    ).toEqual(['close 1008', 'FIN']);
    expect(metricNumber(r.metrics, 'healthyDisconnects')).toBe(0);
  });

  test('a cap below one round trip of data drops messages for healthy clients too', () => {
    const r = run(policy('{ pingIntervalMs: 5000, missedPongsAllowed: 2 }', capAt(2048, 'drop')));
    expect(r.goals.find((g) => g.id === 'healthy-lossless')?.passed).toBe(false);
  });
});

describe('goals judge only what the scenario makes possible', () => {
  test('a peer that dies before its handshake is not a dead peer to detect, and the sentence says so', () => {
    for (const seed of [3, 4]) {
      const r = runLesson(
        lesson,
        {
          lessonId: 'websockets',
          params: { deadPeerAtMs: 1000 },
          code: lesson.code.solution,
          seed,
          faults: [],
        },
        { trace: false },
      );
      const g = r.goals.find((x) => x.id === 'detect-dead')!;
      if (metricNumber(r.metrics, 'deadPeers') === 0) {
        expect(g.passed).toBe(true);
        expect(g.detail).toMatch(/before its WebSocket was open/);
      } else expect(g.detail).not.toMatch(/before its WebSocket was open/);
    }
  });

  test('with 2 clients (one dead, one slow) there is no healthy client to judge', () => {
    const g = run(lesson.code.solution, { clients: 2 }).goals.find((x) => x.id === 'healthy-lossless')!;
    expect(g.passed).toBe(true);
    expect(g.detail).toMatch(/No healthy client/);
  });
});

test('learner mistakes become diagnostics with a sentence', () => {
  const r = runLesson(
    lesson,
    {
      lessonId: 'websockets',
      params: {},
      code: policy('{ pingIntervalMs: 10, missedPongsAllowed: 1 }', "return 'send';"),
      seed: 7,
      faults: [],
    },
    { trace: false },
  );
  expect(r.diagnostics[0]?.message).toMatch(/pingIntervalMs must be null .* >= 100; it is 10/);
  const bad = runLesson(
    lesson,
    {
      lessonId: 'websockets',
      params: {},
      code: policy('{ pingIntervalMs: null, missedPongsAllowed: 1 }', "return 'queue';"),
      seed: 7,
      faults: [],
    },
    { trace: false },
  );
  expect(bad.diagnostics[0]?.message).toMatch(/onBroadcast must return 'send', 'drop' or 'disconnect'/);
});
