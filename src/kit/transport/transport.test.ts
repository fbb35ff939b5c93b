import { describe, expect, test } from 'vitest';
import { Simulation } from '../../engine/sim';
import { sink } from '../../engine/test-kit';
import { dial, type DialFailure } from './dial';
import { handshakeBytes, handshakeFlights, handshakeRoundTrips } from './handshake';
import { OriginPool } from './origin-pool';
import { SendBuffer } from './send-buffer';
import { retransmitGiveUpMs, TCP_GIVE_UP_MS, TCP_KEEPALIVE_DETECT_MS } from './tcp';

function twoHosts() {
  const sim = new Simulation({ seed: 1, trace: true });
  sim.net.defaults = { latencyMs: 50, jitterMs: 0, loss: 0 };
  return { sim, a: sim.spawn('a', 'host', sink), b: sim.spawn('b', 'host', sink) };
}

describe('handshakes', () => {
  test('TCP 1 RTT (RFC 9293 §3.5); + TLS 1.3 1 RTT (RFC 8446 §2); + TLS 1.2 2 RTT (RFC 5246 §7.3)', () => {
    expect(['none', '1.3', '1.2'].map((v) => handshakeRoundTrips(v as '1.3'))).toEqual([1, 2, 3]);
    expect(handshakeFlights('1.3').length / 2).toBe(2);
    expect(handshakeFlights('1.2').length / 2).toBe(3);
  });

  test('bytes: a certificate chain dominates; a TLS 1.3 handshake is about 4.3 kB', () => {
    expect(handshakeBytes('1.3')).toBe(60 + 60 + 52 + 517 + 3500 + 100);
    expect(handshakeBytes('1.2')).toBe(60 + 60 + 52 + 517 + 3500 + 100 + 51);
    expect(handshakeBytes('1.3', 6000) - handshakeBytes('1.3')).toBe(3000);
  });
});

describe('TCP timers (Linux ip-sysctl.rst)', () => {
  test('tcp_retries2 = 15 gives "a hypothetical timeout of 924.6 seconds"', () => {
    expect(TCP_GIVE_UP_MS).toBe(924_600);
    expect(retransmitGiveUpMs(8)).toBe(200 * (2 ** 9 - 1)); // below the 120 s cap: 102.2 s
  });
  test('keepalive finds a dead idle peer after 7200 + 9 × 75 s', () => {
    expect(TCP_KEEPALIVE_DETECT_MS).toBe(7_875_000);
  });
});

describe('dial', () => {
  const opts = { rttMs: 100, tls: '1.3' as const, connectTimeoutMs: 5000 };
  function attempt(setup: (sim: Simulation, a: number, b: number) => void): string {
    const { sim, a, b } = twoHosts();
    setup(sim, a, b);
    let got = 'pending';
    dial(sim, a, b, opts, {
      open: () => (got = `open at ${sim.now}`),
      failed: (why: DialFailure) => (got = `${why} at ${sim.now}`),
      alive: () => true,
    });
    sim.run(10_000);
    return got;
  }
  test('open after TCP + TLS 1.3: 2 RTT', () => expect(attempt(() => {})).toBe('open at 200'));
  test('refused after 1 RTT while the server is down', () =>
    expect(attempt((sim, _a, b) => sim.crash(b))).toBe('refused at 100'));
  test('across a partition: gives up after the connect timeout', () =>
    expect(attempt((sim, a, b) => sim.net.setPartitioned(a, b, true))).toBe('connect timeout at 5000'));
});

describe('OriginPool', () => {
  function pool(http: '1.1' | '2') {
    const granted: number[] = [];
    let dials = 0;
    let id = 0;
    const p: OriginPool = new OriginPool(http, {
      newId: () => ++id,
      dial: (c) => {
        dials++;
        p.established(c);
      },
      grant: (_c, tab) => granted.push(tab),
      waitingChanged: () => {},
    });
    return { p, granted, dials: () => dials };
  }
  test('HTTP/1.1: 6 connections, the 7th and 8th streams wait until one closes', () => {
    const { p, granted, dials } = pool('1.1');
    for (let t = 1; t <= 8; t++) p.request(t, 1);
    expect([granted.length, dials(), p.waitingCount, p.isWaiting(7)]).toEqual([6, 6, 2, true]);
    const c = p.release(1)!;
    p.remove(c);
    p.serveWaiting();
    expect([granted.at(-1), p.waitingCount]).toEqual([7, 1]);
  });
  test('HTTP/2: one connection carries up to 100 streams; a 101st waits', () => {
    const { p, granted, dials } = pool('2');
    for (let t = 1; t <= 101; t++) p.request(t, 1);
    expect([granted.length, dials(), p.waitingCount]).toEqual([100, 1, 1]);
  });
});

describe('SendBuffer', () => {
  test('drains FIFO at the bandwidth: 3 frames of 1,000 B at 10 B/ms leave at 100, 200, 300 ms', () => {
    const { sim, a, b } = twoHosts();
    const buf = new SendBuffer(sim, a, b, 10, 100, { onBytes: () => {}, onGiveUp: () => {} });
    for (let i = 0; i < 3; i++) buf.push({ bytes: 1000, label: `f${i}`, event: { type: 'F' } });
    expect(buf.bufferedBytes).toBe(3000);
    sim.run(1000);
    const sends = [...sim.trace.toData().t].filter((_t, i) => sim.trace.toData().kind[i] === 1);
    expect(sends.slice(0, 3)).toEqual([100, 200, 300]);
    expect(buf.bufferedBytes).toBe(0); // each acknowledged one RTT after it left
  });
  test('under a partition nothing is acknowledged; TCP gives up after 924.6 s (checked each second)', () => {
    const { sim, a, b } = twoHosts();
    let gaveUpAt = -1;
    const buf = new SendBuffer(sim, a, b, 10, 100, {
      onBytes: () => {},
      onGiveUp: () => (gaveUpAt = sim.now),
    });
    sim.net.setPartitioned(a, b, true);
    buf.push({ bytes: 500, label: 'f', event: { type: 'F' } });
    sim.run(1_000_000);
    expect(buf.bufferedBytes).toBe(500);
    expect(gaveUpAt).toBeGreaterThanOrEqual(TCP_GIVE_UP_MS);
    expect(gaveUpAt).toBeLessThan(TCP_GIVE_UP_MS + 1000);
  });
  test('one frame shared by two buffers reaches both; a queue that never empties keeps its order', () => {
    const sim = new Simulation({ seed: 1, trace: true });
    sim.net.defaults = { latencyMs: 5, jitterMs: 0, loss: 0 };
    const got: number[][] = [[], []];
    const server = sim.spawn('s', 'host', sink);
    const ends = [0, 1].map((k) =>
      sim.spawn(`c${k}`, 'host', sink, {
        fast: (e) => (got[k]!.push((e as unknown as { n: number }).n), true),
      }),
    );
    // c0 reads 10 B/ms, c1 1 B/ms: 10,000 frames of 10 B pushed at once; c1 is still
    // reading at the end, long after its first 4,096 sent frames were let go.
    const bufs = ends.map(
      (to, k) =>
        new SendBuffer(sim, server, to, k === 0 ? 10 : 1, 10, { onBytes: () => {}, onGiveUp: () => {} }),
    );
    for (let n = 0; n < 10_000; n++) {
      const frame = { bytes: 10, label: 'f', event: { type: 'F', n } };
      for (const b of bufs) b.push(frame);
    }
    sim.run(60_000);
    expect(got[0]).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    expect(got[1]!.length).toBe(6_000 - 1);
    expect(got[1]!.every((n, i) => n === i)).toBe(true);
    expect(bufs[1]!.bufferedBytes).toBe((10_000 - got[1]!.length) * 10);
  });
});
