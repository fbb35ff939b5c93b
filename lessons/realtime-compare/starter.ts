import type { Technique, WorkloadInfo } from './api';

// Called once for each feature of the app: the stock ticker, the chat and the
// notification bell. Return the technique its pages use to hear from the server:
// 'short' (short polling), 'long' (long polling), 'sse' (server-sent events)
// or 'websocket'. workload.needs says what the product requires.
export function chooseTechnique(workload: WorkloadInfo): Technique {
  // Plain HTTP works everywhere: ask every pollIntervalMs.
  return 'short';
}
