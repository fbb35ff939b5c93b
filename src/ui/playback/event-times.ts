import type { TraceData } from '../../engine/trace';

/** First index whose time is > t (trace times never decrease). */
function upperBound(times: Float64Array, n: number, t: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Step targets straight from the trace, used until (or without) the views' TraceIndex. */
export function nextEventTime(trace: TraceData, t: number): number | undefined {
  const i = upperBound(trace.t, trace.length, t);
  return i < trace.length ? trace.t[i] : undefined;
}

export function prevEventTime(trace: TraceData, t: number): number | undefined {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((trace.t[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? trace.t[lo - 1] : undefined;
}
