import { describe, expect, it } from 'vitest';
import { stateCategory } from './state-category';

describe('state categories', () => {
  it('depend on the state name only, so every panel and strategy agrees', () => {
    expect(stateCategory('requesting')).toBe('requesting');
    expect(stateCategory('waiting')).toBe('rest');
    expect(stateCategory('shortPolling.waiting')).toBe('rest');
    expect(stateCategory('longPolling.requesting')).toBe('requesting');
    expect(stateCategory('open.heartbeat.pingInterval')).toBe('open');
    expect(stateCategory('sse.reconnectDelay')).toBe('connecting');
    expect(stateCategory('connecting.tcpHandshake')).toBe('connecting');
    expect(stateCategory('openDelay')).toBe('connecting');
    expect(stateCategory('holding')).toBe('open');
    expect(stateCategory('down')).toBe('down');
    expect(stateCategory('closing')).toBe('closing');
    expect(stateCategory('closed')).toBe('rest');
    expect(stateCategory('zzz')).toBe('other');
  });

  it('tell the sharding states apart: steady, fetching a new map, moving keys', () => {
    for (const s of ['stable', 'current', 'serving', 'standby']) expect(stateCategory(s)).toBe('rest');
    expect(stateCategory('refreshing')).toBe('requesting');
    for (const s of ['migrating', 'donating', 'receiving']) expect(stateCategory(s)).toBe('moving');
    expect(stateCategory('steady')).toBe('rest');
    expect(stateCategory('spiking')).toBe('busy');
  });

  it('tell the messaging, query and replication states apart', () => {
    for (const s of ['inSync', 'following', 'leading', 'watching', 'routing'])
      expect(stateCategory(s)).toBe('rest');
    for (const s of ['behind', 'promoting', 'replaying', 'rebalancing'])
      expect(stateCategory(s)).toBe('moving');
    expect(stateCategory('backlogged')).toBe('busy');
    expect(stateCategory('committingOffset')).toBe('requesting');
    expect(stateCategory('syncingGroup')).toBe('connecting');
  });
});
