import { describe, expect, test } from 'vitest';
import { Simulation } from '../../engine/sim';
import { metricReader } from './reader';
import { defineMetrics } from './table';
import { MetricWriter } from './writer';

const table = defineMetrics({
  requests: { kind: 'counter', unit: 'requests', help: 'HTTP requests', labels: ['ticker', 'chat'] },
  open: { kind: 'gauge', unit: 'connections', help: 'open connections', labels: ['ticker'] },
  connectionMs: {
    kind: 'integral',
    unit: 'connection-ms',
    help: 'area under open',
    labels: ['ticker'],
    labelledOnly: true,
  },
  latencyMs: { kind: 'summary', unit: 'ms', help: 'delivery delay' },
  perUpdate: { kind: 'derived', unit: 'requests', help: 'requests per update' },
});

function setup() {
  const sim = new Simulation({ seed: 1, trace: false });
  return { sim, w: new MetricWriter(sim.metrics, table, () => sim.now) };
}

describe('typed metrics', () => {
  test('every declared metric is reported from the start, labelled series under <label><Name>', () => {
    const { sim } = setup();
    const snap = sim.metrics.snapshot();
    expect(Object.keys(snap).sort()).toEqual(
      [
        'requests',
        'tickerRequests',
        'chatRequests',
        'openMax',
        'tickerOpenMax',
        'tickerConnectionMs',
        'latencyMs',
      ].sort(),
    );
  });

  test('a labelled write counts in its series and in the total', () => {
    const { sim, w } = setup();
    w.inc('requests', 2, 'ticker');
    w.inc('requests', 1, 'chat');
    w.inc('requests');
    const r = metricReader(table, sim.metrics.snapshot());
    expect([r.count('requests'), r.count('requests', 'ticker'), r.count('requests', 'chat')]).toEqual([
      4, 2, 1,
    ]);
  });

  test('a time integral is the area under its level (connection-ms)', () => {
    const { sim, w } = setup();
    sim.scheduler.at(1000, () => w.level('connectionMs', 2, 'ticker'));
    sim.scheduler.at(4000, () => w.level('connectionMs', -1, 'ticker'));
    sim.scheduler.at(10_000, () => w.settle());
    sim.run(10_000);
    // 2 connections for 3 s, then 1 for 6 s.
    expect(metricReader(table, sim.metrics.snapshot()).count('connectionMs', 'ticker')).toBe(12_000);
  });

  test('gauges report their peak; summaries their statistics', () => {
    const { sim, w } = setup();
    w.add('open', 3, 'ticker');
    w.add('open', -2, 'ticker');
    w.observe('latencyMs', 10);
    const r = metricReader(table, sim.metrics.snapshot());
    expect([r.peak('open'), r.peak('open', 'ticker'), w.gauge('open')]).toEqual([3, 3, 1]);
    expect(r.summary('latencyMs').count).toBe(1);
  });

  test('an undeclared name or label is a type error and a runtime error', () => {
    const { sim, w } = setup();
    // @ts-expect-error: not in the table
    expect(() => w.inc('requsts')).toThrow(/undeclared metric "requsts"/);
    // @ts-expect-error: not a label of requests
    expect(() => w.inc('requests', 1, 'notifications')).toThrow(/no label "notifications"/);
    // @ts-expect-error: a gauge is not a counter
    expect(() => w.inc('open')).toThrow(/is a gauge, not a counter/);
    const r = metricReader(table, sim.metrics.snapshot());
    // @ts-expect-error: misspelled
    expect(() => r.count('eventsLots')).toThrow(/undeclared/);
    // Kept per label only: a write without one is caught at run time.
    expect(() => w.level('connectionMs', 1)).toThrow(/per label only/);
  });
});
