import { describe, expect, it } from 'vitest';
import { LOCKED_GLOBALS, lockdown } from './lockdown';

/** A stand-in for a worker global: capabilities on a prototype (as Web IDL puts them) and on the object. */
function fakeGlobal(): Record<string, unknown> {
  const proto: Record<string, unknown> = {};
  Object.defineProperty(proto, 'indexedDB', { configurable: true, get: () => ({ open: () => 'opened' }) });
  Object.defineProperty(proto, 'caches', { configurable: true, get: () => ({ open: () => 'opened' }) });
  proto.fetch = () => 'fetched';
  proto.importScripts = () => 'loaded';
  const g = Object.create(proto) as Record<string, unknown>;
  g.XMLHttpRequest = class {};
  g.WebSocket = class {};
  g.EventSource = class {};
  g.navigator = { storage: {}, userAgent: 'x' };
  g.Math = Math;
  return g;
}

describe('worker lockdown', () => {
  it('removes every network, storage and script-loading door, on the global and its prototypes', () => {
    const g = fakeGlobal();
    lockdown(g as unknown as typeof globalThis);
    for (const name of [
      'fetch',
      'XMLHttpRequest',
      'WebSocket',
      'EventSource',
      'importScripts',
      'indexedDB',
      'caches',
    ]) {
      expect(() => g[name], name).toThrow(`${name} is not available`);
      expect(Object.getPrototypeOf(g)[name], `${name} on the prototype`).toBeUndefined();
    }
    expect((g.navigator as Record<string, unknown>).storage).toBeUndefined();
    expect(g.Math).toBe(Math);
  });

  it('cannot be undone by learner code', () => {
    const g = fakeGlobal();
    lockdown(g as unknown as typeof globalThis);
    expect(() => Object.defineProperty(g, 'fetch', { value: () => 'again' })).toThrow();
    expect(() => {
      'use strict';
      delete g.fetch;
    }).toThrow();
    expect(LOCKED_GLOBALS).toContain('WebSocket');
  });
});
