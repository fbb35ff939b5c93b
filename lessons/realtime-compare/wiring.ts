import type { Simulation } from '../../src/engine/sim';
import { learnerMistake } from '../../src/lesson/learner-mistake';
import type { RealtimeCompareApi, Technique, WorkloadInfo, WorkloadName } from './api';
import { atEndOfRun } from '../../src/kit/lifecycle';
import { MetricWriter } from '../../src/kit/metrics/writer';
import { poisson } from '../../src/kit/workloads/arrivals';
import { Meter } from './meter';
import { realtimeMetrics } from './metrics';
import { serverMachine, type ServerEvent } from './model';
import { spawnPage, type Feature } from './pages';
import type { RealtimeParams } from './params';
import { FeatureServer } from './server';
import { Transport } from '../../src/kit/transport/keep-alive';
import { TECHNIQUES, WORKLOADS, workloadInfo } from './workloads';

function checked(t: unknown, w: WorkloadName): Technique {
  if (TECHNIQUES.includes(t as Technique)) return t as Technique;
  return learnerMistake(
    `chooseTechnique must return 'short', 'long', 'sse' or 'websocket' for the ${w} workload; it returned ${JSON.stringify(t)}`,
  );
}

/** The three features side by side, each with its own server and its users' pages. */
export function buildRealtimeCompare(sim: Simulation, p: RealtimeParams, learner: RealtimeCompareApi): void {
  sim.net.defaults = { latencyMs: p.latencyMs, jitterMs: p.latencyMs * 0.1, loss: 0 };
  const m = new MetricWriter(sim.metrics, realtimeMetrics, () => sim.now);
  const features = WORKLOADS.map((w) => {
    const info = workloadInfo(w, p);
    const technique =
      p.override === 'code' ? checked(learner.chooseTechnique(structuredClone(info)), w) : p.override;
    m.inc('technique', TECHNIQUES.indexOf(technique), w);
    return buildFeature(
      sim,
      p,
      info,
      technique,
      new Meter(m, w, p.connectionMemoryKiB * 1024, () => sim.now),
    );
  });
  for (let u = 1; u <= p.clients; u++) for (const f of features) f.spawnPage(u);
  atEndOfRun(sim, p.durationMs, () => m.settle());
}

function buildFeature(
  sim: Simulation,
  p: RealtimeParams,
  info: WorkloadInfo,
  technique: Technique,
  meter: Meter,
) {
  const w = info.name;
  let serverId = -1;
  const hooks = {
    dialed: (roundTrips: number) => {
      meter.inc('handshakes');
      meter.inc('handshakeRoundTrips', roundTrips);
    },
    flightSent: (bytes: number) => meter.handshakeBytes(bytes),
    serverConnections: (d: number) => meter.connections(d),
  };
  const transport = new Transport(sim, hooks, () => serverId, {
    tls: p.tls,
    keepAliveMs: p.keepAliveTimeoutMs,
    latencyMs: p.latencyMs,
  });
  const pages: number[] = [];
  const server = new FeatureServer(sim, () => serverId, transport, meter, {
    payloadBytes: info.payloadBytes,
    clients: pages,
  });
  serverId = sim.spawn(`${w}-server`, 'server', serverMachine, {
    input: { io: { handle: (ev: ServerEvent) => server.handle(ev) } },
    onCrash: () => server.crashed(),
  });
  const random = sim.rng.fork(w);
  const every = (ratePerSecond: number, fn: () => void, from = 0) =>
    poisson(sim.scheduler, random, ratePerSecond, fn, from);
  if (w === 'ticker') every(info.serverToClientPerSecond, () => server.publish(pages, sim.now));

  const feature: Feature = {
    sim,
    p,
    info,
    technique,
    meter,
    transport,
    server,
    serverId,
    pages,
    random,
    every,
  };
  return { spawnPage: (user: number) => spawnPage(feature, user) };
}
