import { describe, expect, test } from 'vitest';
import { logsAt, lowestCursor, markersAt, offsetDomain, rowsShown, type LogsSpec } from './logs-model';

const series = (points: [number, number][]) => ({
  t: Float64Array.from(points.map((p) => p[0])),
  v: Float64Array.from(points.map((p) => p[1])),
});

const spec: LogsSpec = {
  title: 'Topic',
  unit: 'records',
  rows: [0, 1, 2].map((i) => ({ label: `p${i}`, start: `p${i}Start`, end: `p${i}End` })),
  cursors: [{ label: 'blog', at: ['p0Blog', 'p1Blog', 'p2Blog'] }],
  rowCount: 'partitions',
};

const gauges = new Map([
  ['partitions', series([[0, 2]])],
  [
    'p0Start',
    series([
      [0, 0],
      [500, 3],
    ]),
  ],
  [
    'p0End',
    series([
      [0, 0],
      [100, 4],
      [200, 10],
    ]),
  ],
  [
    'p0Blog',
    series([
      [0, 0],
      [150, 2],
      [600, 9],
    ]),
  ],
  [
    'p1End',
    series([
      [0, 0],
      [300, 5],
    ]),
  ],
]);

describe('logs view model', () => {
  test('shows as many rows as the row-count gauge says', () => {
    expect(rowsShown(gauges, spec)).toBe(2);
    expect(rowsShown(gauges, { ...spec, rowCount: undefined })).toBe(3);
  });

  test('reads offsets and cursors as step functions of time, lag = end − position', () => {
    const at = logsAt(gauges, spec, 250);
    expect(at.map((r) => [r.label, r.start, r.end])).toEqual([
      ['p0', 0, 10],
      ['p1', 0, 0],
    ]);
    expect(at[0]!.cursors[0]).toEqual({ position: 2, lag: 8 });
    // A row whose cursor gauge never appeared has no position to draw.
    expect(at[1]!.cursors[0]).toEqual({ position: undefined, lag: undefined });
  });

  test('a cursor below the log start (records deleted unread) lags only by what is still kept', () => {
    const at = logsAt(gauges, spec, 550);
    expect(at[0]).toMatchObject({ start: 3, end: 10 });
    expect(at[0]!.cursors[0]).toEqual({ position: 2, lag: 7 });
    expect(logsAt(gauges, spec, 700)[0]!.cursors[0]).toEqual({ position: 9, lag: 1 });
  });

  test('a marker lists the rows whose last cursor has not reached it', () => {
    const withMarks: LogsSpec = { ...spec, markers: [{ label: 'u0', at: 'u0Last' }] };
    const g = new Map([...gauges, ['u0Last', series([[0, 5]])], ['p1Blog', series([[0, 6]])]]);
    const rows = logsAt(g, withMarks, 250);
    // p0's cursor is at 2 (< 5): behind; p1's is at 6: it has the marked write.
    expect(markersAt(g, withMarks, rows, 250)).toEqual([{ label: 'u0', position: 5, behind: ['p0'] }]);
    expect(markersAt(g, withMarks, logsAt(g, withMarks, 700), 700)[0]!.behind).toEqual([]);
    // Before the marker's first sample there is nothing to compare.
    const none = new Map(gauges);
    expect(markersAt(none, withMarks, rows, 250)[0]).toEqual({
      label: 'u0',
      position: undefined,
      behind: [],
    });
  });

  test('with a tail, only the last offsets of the longest log are on screen', () => {
    expect(offsetDomain({ ...spec, tail: 60 }, 1000, 1000)).toEqual({ lo: 940, hi: 1000 });
    expect(offsetDomain({ ...spec, tail: 60 }, 40, 50)).toEqual({ lo: 0, hi: 60 });
    expect(offsetDomain(spec, 1000, 1000)).toEqual({ lo: 0, hi: 1000 });
    // A cursor further behind than the tail widens the view to it.
    expect(offsetDomain({ ...spec, tail: 60 }, 1000, 1000, 400)).toEqual({ lo: 400, hi: 1000 });
    expect(lowestCursor(logsAt(gauges, spec, 250))).toBe(2);
  });
});
