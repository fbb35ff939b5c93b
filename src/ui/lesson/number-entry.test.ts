import { describe, expect, it } from 'vitest';
import { parseEntry } from './number-entry';

const poll = { min: 100, max: 10_000, integer: true, unit: 'ms' };

describe('number knob entry', () => {
  it('takes a value within range as typed (5000 stays 5000)', () => {
    expect(parseEntry('5000', poll)).toEqual({ ok: true, value: 5000 });
  });

  it('says why a value is refused', () => {
    expect(parseEntry('5', poll)).toEqual({
      ok: false,
      reason: '5 ms is out of range: choose between 100 and 10,000 ms.',
    });
    expect(parseEntry('', poll)).toEqual({ ok: false, reason: 'Type a number.' });
    expect(parseEntry('abc', poll)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not a number/),
    });
    expect(parseEntry('150.5', poll)).toEqual({ ok: false, reason: 'Use a whole number.' });
  });
});
