import { EventKind } from '../../engine/trace';
import { nextEventTime, prevEventTime } from '../playback/event-times';
import type { IndexableRun, TraceIndex } from './viz-api';

/**
 * A slow but honest TraceIndex (linear scans) for when the views module is not
 * available: the status line, Step and the actor list still work.
 */
export function fallbackIndex(run: IndexableRun): TraceIndex {
  const { trace, actors } = run;
  const times = new Float64Array(new Set(trace.t.subarray(0, trace.length)));
  const stateAt = (actor: number, t: number) => {
    let s = '';
    for (let i = 0; i < trace.length && (trace.t[i] as number) <= t; i++) {
      if (trace.kind[i] === EventKind.State && trace.a[i] === actor)
        s = trace.strings[trace.c[i] as number] ?? '';
    }
    return s;
  };
  return {
    durationMs: run.durationMs,
    actors,
    eventTimes: times,
    nextEventTime: (t) => nextEventTime(trace, t),
    prevEventTime: (t) => prevEventTime(trace, t),
    stateAt,
    messagesInFlight: (t) => {
      let n = 0;
      for (let i = 0; i < trace.length && (trace.t[i] as number) <= t; i++) {
        if (trace.kind[i] === EventKind.Send) n++;
        else if (trace.kind[i] === EventKind.Deliver || trace.kind[i] === EventKind.Drop) n--;
      }
      return Math.max(0, n);
    },
    describeActor: (actor, t) => {
      let sent = 0;
      let received = 0;
      let lastMessage: string | null = null;
      for (let i = 0; i < trace.length && (trace.t[i] as number) <= t; i++) {
        if (trace.kind[i] === EventKind.Send && trace.a[i] === actor) sent++;
        if (trace.kind[i] === EventKind.Deliver && trace.b[i] === actor) {
          received++;
          lastMessage = trace.strings[trace.c[i] as number] ?? null;
        }
      }
      const info = actors.find((a) => a.id === actor);
      return {
        name: info?.name ?? `#${actor}`,
        kind: info?.kind ?? '',
        state: stateAt(actor, t),
        sent,
        received,
        lastMessage,
      };
    },
  };
}
