import { describe, expect, it } from 'vitest';
import { crowdLinks, groupCrowds, stateHistogram } from './topology-crowd';

const actors = [
  { id: 0, name: 'server', kind: 'server' },
  ...Array.from({ length: 30 }, (_, i) => ({ id: i + 1, name: `client-${i + 1}`, kind: 'client' })),
];

describe('crowds', () => {
  it('group a kind with more than the threshold into one node, keeping pinned members apart', () => {
    const g = groupCrowds(actors, { expanded: new Set(), pinned: new Set([5]) });
    expect(g.crowds).toHaveLength(1);
    expect(g.crowds[0]!.name).toBe('29 clients');
    expect(g.actors.map((a) => a.name)).toEqual(['server', '29 clients', 'client-5']);
    expect(g.crowdOf.get(7)).toBe(g.crowds[0]!.id);
    expect(g.crowdOf.has(5)).toBe(false);
    expect(g.crowds[0]!.id).toBeLessThan(0);
  });

  it('leave small kinds and expanded kinds as individual nodes', () => {
    expect(groupCrowds(actors, { expanded: new Set(), pinned: new Set(), above: 30 }).crowds).toEqual([]);
    const open = groupCrowds(actors, { expanded: new Set(['client']), pinned: new Set() });
    expect(open.crowds).toEqual([]);
    expect(open.actors).toHaveLength(31);
  });

  it('attach member links to the crowd, merged, without links inside the crowd', () => {
    const crowdOf = new Map([
      [1, -1],
      [2, -1],
    ]);
    const links = [
      { a: 0, b: 1, count: 3 },
      { a: 2, b: 0, count: 4 },
      { a: 1, b: 2, count: 9 },
      { a: 0, b: 3, count: 1 },
    ];
    expect(crowdLinks(links, crowdOf)).toEqual([
      { a: 0, b: -1, count: 7 },
      { a: 0, b: 3, count: 1 },
    ]);
  });

  it('count members per state in first-seen order, not-started first', () => {
    const state = new Map([
      [1, 'open'],
      [2, 'waiting'],
      [3, 'open'],
      [4, ''],
    ]);
    expect(stateHistogram([1, 2, 3, 4], (id) => state.get(id)!, ['waiting', 'open'])).toEqual([
      { state: '', n: 1 },
      { state: 'waiting', n: 1 },
      { state: 'open', n: 2 },
    ]);
  });
});
