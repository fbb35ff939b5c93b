import { expect, test } from 'vitest';
import { Metrics } from './metrics';
import { EventKind, TraceRecorder } from './trace';

test('summaries report percentiles, mean, max and count', () => {
  const m = new Metrics(new TraceRecorder(), () => 0);
  for (let i = 1; i <= 100; i++) m.observe('lat', i);
  const s = m.snapshot().lat;
  expect(s).toEqual({ p50: 50.5, p90: 90.1, p99: 99.01, mean: 50.5, max: 100, count: 100 });
});

test('gauges record changes in the trace and report their peak as <name>Max', () => {
  const trace = new TraceRecorder();
  let now = 0;
  const m = new Metrics(trace, () => now);
  m.set('open', 0);
  now = 5;
  m.add('open', 3);
  now = 6;
  m.add('open', 0); // unchanged: not recorded
  now = 9;
  m.add('open', -2);
  expect(m.snapshot()).toEqual({ openMax: 3 });
  const d = trace.toData();
  const rows = [...d.kind].map((k, i) => [k, d.t[i], d.v[i]]);
  expect(rows).toEqual([
    [EventKind.Gauge, 0, 0],
    [EventKind.Gauge, 5, 3],
    [EventKind.Gauge, 9, 1],
  ]);
});

test('the trace survives chunk boundaries intact and stays under 32 bytes an event', () => {
  const tr = new TraceRecorder();
  for (let i = 0; i < 200_000; i++) tr.push(EventKind.Send, i * 0.5, i, i + 1, i % 7, i);
  const d = tr.toData();
  expect(d.length).toBe(200_000);
  expect(d.t[19_999]).toBe(9999.5);
  expect(d.a[8192]).toBe(8192);
  expect(d.v[16_385]).toBe(16_385);
  expect(tr.bytes / tr.length).toBeLessThan(32);
});
