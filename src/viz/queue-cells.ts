/**
 * The layout behind the queue view: how many cells each row of messages gets, and how
 * many messages one cell stands for once a row would overflow its lines.
 */

export type QueueRowState = 'visible' | 'inFlight' | 'deadLettered';

export interface QueueRow {
  state: QueueRowState;
  count: number;
  /** Cells drawn: ceil(count / perCell), at most the row's capacity. */
  cells: number;
}

export interface QueueCells {
  /** Messages one cell stands for (1, 2, 5, 10, 20, 50 …), the same in every row so rows compare. */
  perCell: number;
  rows: QueueRow[];
}

/** The next 1-2-5 step at or above x (at least 1). */
export function niceStep(x: number): number {
  if (x <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 5, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

/** Cells per row line that fit in `width` px, and lines per row. */
export function rowCapacity(width: number, cellPx: number, gapPx: number, lines: number): number {
  return Math.max(1, Math.floor((width + gapPx) / (cellPx + gapPx))) * Math.max(1, lines);
}

/**
 * One cell per message while the fullest row fits its `capacity` cells; beyond, one cell
 * per `perCell` messages, a 1-2-5 step, so the row stays within its lines.
 */
export function queueCells(counts: Partial<Record<QueueRowState, number>>, capacity: number): QueueCells {
  const states: QueueRowState[] = ['visible', 'inFlight', 'deadLettered'];
  const most = Math.max(0, ...states.map((s) => counts[s] ?? 0));
  const perCell = niceStep(most / Math.max(1, capacity));
  return {
    perCell,
    rows: states
      .filter((s) => counts[s] !== undefined)
      .map((state) => {
        const count = Math.max(0, Math.round(counts[state] ?? 0));
        return { state, count, cells: Math.min(capacity, Math.ceil(count / perCell)) };
      }),
  };
}
