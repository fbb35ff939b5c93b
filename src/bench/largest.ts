/**
 * The heaviest knob settings of a lesson, before the budget trims them: the hand-picked ones
 * below where every knob at its maximum is not the heaviest (a shorter poll interval is more
 * work), else every numeric knob at its maximum.
 */
export const LARGEST: Record<string, Record<string, number | string>> = {
  polling: { clients: 1000, pollIntervalMs: 50, eventsPerSecond: 50, durationMs: 3_600_000 },
  sse: { clients: 200, tabs: 120, eventsPerSecond: 50, durationMs: 3_600_000 },
  websockets: { clients: 100, messagesPerSecond: 100, messageBytes: 100_000, durationMs: 3_600_000 },
  'realtime-compare': { clients: 50, tickerUpdatesPerSecond: 50, durationMs: 3_600_000 },
  'sharding-routers': { keys: 1_000_000, shards: 64, requestsPerSecond: 10_000, durationMs: 600_000 },
};

/** Every numeric knob at its maximum. */
export function allKnobsAtMax(
  specs: Readonly<Record<string, { kind: string; max?: number }>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, spec] of Object.entries(specs))
    if (spec.kind === 'number' && spec.max !== undefined) out[name] = spec.max;
  return out;
}
