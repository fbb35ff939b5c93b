import type { Technique, WorkloadInfo } from './api';

export function chooseTechnique(workload: WorkloadInfo): Technique {
  // The page talks too (chat): only a WebSocket carries its messages without a new
  // HTTP request, and its headers, for each one.
  if (workload.clientToServerPerSecond > 0) return 'websocket';
  // A steady one-way stream (ticker): one long response carries every update with a
  // few bytes of framing; polling pays a full set of headers per request. SSE is
  // plain HTTP and reconnects by itself with Last-Event-ID ('websocket' passes too).
  if (workload.serverToClientPerSecond * workload.pollIntervalMs >= 1000) return 'sse';
  // Rare news that may wait a few seconds (notifications): ask now and then and hold
  // no connection in between, instead of one open connection per user all day.
  return 'short';
}
