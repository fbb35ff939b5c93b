import type { Tone } from '../engine/trace';

/**
 * The views a lesson declares, by kind. Each names the gauges (G) or summaries (S) of the
 * lesson's metric table it draws, so a misspelled series fails \`tsc\`; the page picks the
 * drawing in src/ui/viz/run-views.ts.
 */
export type ViewSpec<G extends string = string, S extends string = string> =
  /** `tones`: what the message colours mean in this lesson (a fresh read, a stale one, an anomaly). */
  | {
      kind: 'topology';
      tones?: Partial<Record<Tone, string>>;
      /** A line under the view, e.g. that only a sample of the messages is drawn. */
      note?: string;
    }
  | { kind: 'sequence'; maxActors?: number }
  | { kind: 'timeseries'; gauge: G; title: string; unit: string }
  | { kind: 'histogram'; summary: S; title: string; unit: string }
  | { kind: 'statechart'; actorKind: string }
  | {
      /** Partitioned or replicated logs with named positions along them (src/viz/logs.ts). */
      kind: 'logs';
      title: string;
      unit: string;
      /** Per row, the gauges of the first kept offset and of the end offset. */
      rows: readonly { label: string; start: G; end: G }[];
      /** Per cursor, the gauge of its position on each row (`at[i]` for row i). */
      cursors: readonly { label: string; at: readonly G[] }[];
      /** A gauge holding how many of the rows a run has (e.g. its partition count). */
      rowCount?: G;
      /**
       * Positions drawn across every row (e.g. a session's last write): a row whose cursor
       * is left of a marker has not reached it yet.
       */
      markers?: readonly { label: string; at: G }[];
      /** Draw only the last this-many offsets, so a lag of a few entries is a visible gap. */
      tail?: number;
    }
  /** A message queue drawn as cells by state (visible, in flight, dead-lettered), from three gauges. */
  | { kind: 'queue'; title: string; visible: G; inFlight: G; deadLettered?: G }
  /** One bar per label of a labelled gauge (e.g. per-shard load); bar i is the i-th actor of actorKind. */
  | { kind: 'loadBars'; gauge: G; title: string; unit: string; actorKind?: string }
  /** The key space as a ring: per-shard key shares (labelled gauge), keys moving, map versions. */
  | {
      kind: 'ring';
      keys: G;
      title: string;
      load?: G;
      moving?: G;
      movingTotal?: G;
      version?: G;
      routerVersions?: G;
      /** Snapshot name: the map's own arcs (e.g. each virtual node), see src/kit/keyspace/ring-view.ts. */
      points?: string;
    };
