/**
 * Static view data a model publishes while it runs: named sets of typed arrays, each in
 * force from the virtual time it was published until the next one under the same name
 * (e.g. the points of a consistent-hash ring for each version of a shard map). Gauges
 * carry one number per series over time; a snapshot carries a whole table that changes
 * rarely, so a view can draw it as it stood at any moment of playback.
 *
 * Bounded: a snapshot holds at most SNAPSHOT_MAX_ELEMENTS numbers over all its arrays,
 * and a name keeps at most SNAPSHOTS_PER_NAME of them, so a long run cannot grow the
 * result it hands to the page. A model with more to show samples it down first and says
 * so (a count it publishes beside the arrays).
 */

export type SnapshotArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

export interface Snapshot {
  /** Virtual time it was published, ms. */
  atMs: number;
  arrays: Record<string, SnapshotArray>;
}

/** Every snapshot of a run, by name, in publishing order (times ascending). */
export type SnapshotData = Record<string, Snapshot[]>;

/** Numbers one snapshot may hold over all its arrays. */
export const SNAPSHOT_MAX_ELEMENTS = 16_384;
/** Snapshots kept per name. */
export const SNAPSHOTS_PER_NAME = 64;

export class Snapshots {
  private readonly data: SnapshotData = {};

  constructor(private readonly now: () => number) {}

  /**
   * Publishes `arrays` under `name`, in force from now. The arrays are copied, so the
   * model may go on changing its own. Throws when the snapshot is too large, or when a
   * name has been published SNAPSHOTS_PER_NAME times already.
   */
  publish(name: string, arrays: Record<string, SnapshotArray>): void {
    let size = 0;
    for (const a of Object.values(arrays)) size += a.length;
    if (size > SNAPSHOT_MAX_ELEMENTS)
      throw new RangeError(
        `snapshot "${name}" holds ${size} numbers; at most ${SNAPSHOT_MAX_ELEMENTS} (sample it down first)`,
      );
    const list = (this.data[name] ??= []);
    if (list.length >= SNAPSHOTS_PER_NAME)
      throw new RangeError(`snapshot "${name}" was published more than ${SNAPSHOTS_PER_NAME} times`);
    const copy: Record<string, SnapshotArray> = {};
    for (const [k, a] of Object.entries(arrays)) copy[k] = a.slice();
    list.push({ atMs: this.now(), arrays: copy });
  }

  /** A copy of everything published (its buffers may be handed over to another thread). */
  toData(): SnapshotData {
    const out: SnapshotData = {};
    for (const [name, list] of Object.entries(this.data))
      out[name] = list.map((s) => ({
        atMs: s.atMs,
        arrays: Object.fromEntries(Object.entries(s.arrays).map(([k, a]) => [k, a.slice()])),
      }));
    return out;
  }
}

/** The snapshot of `list` in force at virtual time t (the last published at or before t). */
export function snapshotAt(list: readonly Snapshot[] | undefined, t: number): Snapshot | undefined {
  if (!list) return undefined;
  let found: Snapshot | undefined;
  for (const s of list) {
    if (s.atMs > t) break;
    found = s;
  }
  return found;
}
