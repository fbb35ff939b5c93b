import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { numberParam, choiceParam } from '../lesson/params';
import {
  decodeShare,
  DEFAULT_SEED,
  encodeShare,
  shareParamOf,
  type ShareLesson,
  type ShareState,
} from './codec';

const lesson: ShareLesson = {
  id: 'demo',
  params: {
    clients: numberParam({
      label: 'Clients',
      default: 20,
      min: 1,
      max: 1000,
      integer: true,
      unit: 'clients',
      help: '',
    }),
    strategy: choiceParam({
      label: 'Strategy',
      default: 'short',
      choices: [
        { value: 'short', label: 'S' },
        { value: 'long', label: 'L' },
      ],
      help: '',
    }),
  },
  code: { starter: 'export function f() { return 1; }' },
};

const link = (s: string) => `http://127.0.0.1:4173/#/lesson/demo?s=${s}`;

describe('share codec', () => {
  it('round-trips a scenario, playback time and compare flag', () => {
    const state: ShareState = {
      scenario: {
        lessonId: 'demo',
        params: { clients: 100, strategy: 'long' },
        code: 'export function f() { return 2; }',
        seed: 42,
        faults: [
          { at: 1500, kind: 'crash', actor: 'server' },
          { at: 3000, kind: 'partition', a: 'client-1', b: 'server' },
        ],
      },
      t: 1234.5,
      compare: true,
    };
    const back = decodeShare(link(encodeShare(lesson, state)), lesson);
    expect(back.notice).toBeUndefined();
    expect(back).toEqual({ ...state, fromLink: true });
  });

  it('carries the narrative step and a many-seeds run', () => {
    const state: ShareState = {
      scenario: { lessonId: 'demo', params: {}, code: lesson.code.starter, seed: 3, faults: [] },
      t: 0,
      compare: false,
      step: 2,
      seeds: 20,
    };
    expect(decodeShare(link(encodeShare(lesson, state)), lesson)).toEqual({ ...state, fromLink: true });
  });

  it('writes only what differs from the defaults', () => {
    const s = encodeShare(lesson, {
      scenario: {
        lessonId: 'demo',
        params: { clients: 20, strategy: 'long' },
        code: lesson.code.starter,
        seed: DEFAULT_SEED,
        faults: [],
      },
      t: 0,
      compare: false,
    });
    const back = decodeShare(link(s), lesson);
    expect(back.scenario.params).toEqual({ strategy: 'long' });
    // Not written, yet a link always names its code: the starter, never the reader's saved code.
    expect(back.scenario.code).toBe(lesson.code.starter);
    expect(s.length).toBeLessThan(60);
  });

  it('opens with defaults and no notice when there is no share part', () => {
    const back = decodeShare('http://x/#/lesson/demo', lesson);
    expect(back).toEqual({
      scenario: { lessonId: 'demo', params: {}, seed: DEFAULT_SEED, faults: [] },
      t: 0,
      compare: false,
    });
  });

  it.each([
    ['garbage', 'garbage!!'],
    [
      'truncated',
      encodeShare(lesson, {
        scenario: { lessonId: 'demo', params: { clients: 5 }, seed: 9, faults: [] },
        t: 10,
        compare: false,
      }).slice(0, 12),
    ],
    ['not json', compressToEncodedURIComponent('{nope')],
    ['wrong version', compressToEncodedURIComponent(JSON.stringify({ v: 99 }))],
    [
      'wrong shape',
      compressToEncodedURIComponent(JSON.stringify({ v: 1, seed: 'x', f: [{ kind: 'meteor' }] })),
    ],
    ['array', compressToEncodedURIComponent('[1,2,3]')],
    ['null', compressToEncodedURIComponent('null')],
    ['percent junk', '%E0%A4%A'],
  ])('never throws on %s and explains', (_label, s) => {
    const back = decodeShare(link(s), lesson);
    expect(back.scenario).toEqual({ lessonId: 'demo', params: {}, seed: DEFAULT_SEED, faults: [] });
    expect(back.notice).toMatch(/could not be opened/);
  });

  it('drops out-of-range params with a notice but keeps the rest', () => {
    const s = compressToEncodedURIComponent(
      JSON.stringify({ v: 1, p: { clients: 5000, bogus: 1 }, seed: 7 }),
    );
    const back = decodeShare(link(s), lesson);
    expect(back.scenario.params).toEqual({});
    expect(back.scenario.seed).toBe(7);
    expect(back.notice).toMatch(/clients must be between 1 and 1000/);
    expect(back.notice).toMatch(/unknown param "bogus"/);
  });

  it('finds the s parameter among others', () => {
    expect(shareParamOf('#/lesson/x?a=1&s=abc&b=2')).toBe('abc');
    expect(shareParamOf('#/lesson/x')).toBeUndefined();
  });
});
