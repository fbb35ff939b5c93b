import { expect, test } from 'vitest';
import { fmtAxisTime } from './format';

test('axis ticks late in a run stay short and distinct a fifth of a second apart', () => {
  expect([164_400, 164_600, 164_800, 165_000].map(fmtAxisTime)).toEqual([
    '2:44.4',
    '2:44.6',
    '2:44.8',
    '2:45',
  ]);
  expect(fmtAxisTime(185_000)).toBe('3:05');
  expect(fmtAxisTime(60_000)).toBe('1:00');
  expect(fmtAxisTime(12_500)).toBe('12.5 s');
  expect(fmtAxisTime(850)).toBe('850 ms');
});
