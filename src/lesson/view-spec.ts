/**
 * The views a lesson declares, by kind. Each names the gauges (G) or summaries (S) of the
 * lesson's metric table it draws, so a misspelled series fails \`tsc\`; the page picks the
 * drawing in src/ui/viz/run-views.ts.
 */
export type ViewSpec<G extends string = string, S extends string = string> =
  | { kind: 'topology' }
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
