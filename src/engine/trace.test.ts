import { describe, expect, test } from 'vitest';
import { TraceRecorder, toneOf } from './trace';

describe('trace tones', () => {
  test('a label interned with a tone is its own string-table entry, carried in toData', () => {
    const rec = new TraceRecorder();
    const plain = rec.intern('v3');
    const stale = rec.intern('v3', 'warn');
    const bad = rec.intern('v3', 'bad');
    expect(new Set([plain, stale, bad]).size).toBe(3);
    // The same text and tone again is the same entry: no growth per message.
    expect(rec.intern('v3', 'warn')).toBe(stale);
    expect(rec.intern('v3')).toBe(plain);
    const data = rec.toData();
    expect(data.strings[stale]).toBe('v3');
    expect([plain, stale, bad].map((i) => toneOf(data, i))).toEqual([undefined, 'warn', 'bad']);
    expect(data.tones.length).toBe(data.strings.length);
  });

  test('a trace with no toned labels has only zero codes', () => {
    const rec = new TraceRecorder();
    rec.intern('GET');
    rec.intern('idle');
    expect([...rec.toData().tones]).toEqual([0, 0]);
  });
});
