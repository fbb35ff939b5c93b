import { describe, expect, it } from 'vitest';
import { initialColumns } from './column-widths';

describe('initial column widths', () => {
  const line = (n: number) => 'x'.repeat(n);
  it('fits short starters exactly and caps long ones at 40% of the screen', () => {
    expect(initialColumns(1440, `${line(50)}\n${line(20)}`).right).toBe(Math.ceil(50 * 7.8 + 110));
    expect(initialColumns(1440, line(200)).right).toBe(Math.round(1440 * 0.4));
  });
  it('leaves the views at least a third of a 1280 px screen', () => {
    const { left, right } = initialColumns(1280, line(200));
    expect(1280 - left - right).toBeGreaterThan(1280 / 3);
  });
});
