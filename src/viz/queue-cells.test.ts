import { describe, expect, test } from 'vitest';
import { niceStep, queueCells, rowCapacity } from './queue-cells';

describe('queue view cells', () => {
  test('one cell per message while the fullest row fits', () => {
    const q = queueCells({ visible: 12, inFlight: 3, deadLettered: 0 }, 40);
    expect(q.perCell).toBe(1);
    expect(q.rows.map((r) => [r.state, r.count, r.cells])).toEqual([
      ['visible', 12, 12],
      ['inFlight', 3, 3],
      ['deadLettered', 0, 0],
    ]);
  });

  test('a row that would overflow makes every cell stand for a 1-2-5 number of messages', () => {
    const q = queueCells({ visible: 1823, inFlight: 6 }, 100);
    expect(q.perCell).toBe(20);
    const [visible, inFlight] = q.rows;
    expect(visible).toEqual({ state: 'visible', count: 1823, cells: 92 });
    // A few messages still show as one cell: never hidden.
    expect(inFlight).toEqual({ state: 'inFlight', count: 6, cells: 1 });
    for (const r of q.rows) expect(r.cells).toBeLessThanOrEqual(100);
  });

  test('rows without a gauge are left out', () => {
    expect(queueCells({ visible: 2, inFlight: 1 }, 10).rows.map((r) => r.state)).toEqual([
      'visible',
      'inFlight',
    ]);
  });

  test('1-2-5 steps and capacity', () => {
    expect([0.3, 1, 1.2, 2, 3, 7, 10, 11, 45, 120].map(niceStep)).toEqual([
      1, 1, 2, 2, 5, 10, 10, 20, 50, 200,
    ]);
    // 390 px phone: 8 px cells with a 2 px gap, 3 lines.
    expect(rowCapacity(366, 8, 2, 3)).toBe(108); // 36 a line
    expect(rowCapacity(5, 8, 2, 3)).toBe(3);
  });
});
