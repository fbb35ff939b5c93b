/**
 * Label values for a figure kept per shard (`shardLoad` per shard, drawn as load bars):
 * 's0', 's1', … The metric table declares them once, up to the largest shard count a
 * lesson allows; a run writes only its own shards' series.
 */
export function shardLabels(max: number): readonly string[] {
  return Array.from({ length: max }, (_, i) => `s${i}`);
}
