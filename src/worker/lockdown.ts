/**
 * Removes network, storage and script-loading capabilities from the worker global
 * before any learner code runs. The sandbox already shadows these names as
 * parameters of the learner module, but `Function('return this')()` reaches the
 * real global object, so the global itself (and every prototype on its chain,
 * where the Web IDL getters live) must not hold them either.
 */
export const LOCKED_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'indexedDB',
  'IDBFactory',
  'caches',
  'CacheStorage',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'RTCPeerConnection',
  'Request',
  'localStorage',
  'sessionStorage',
  'openDatabase',
  'FileSystemHandle',
  'webkitRequestFileSystem',
  'storage',
] as const;

function notAvailable(name: string): Error {
  return new TypeError(
    `${name} is not available in the playground: lesson code has no network, storage or script loading`,
  );
}

/** Deletes `name` from `target` and its prototype chain. */
function deleteEverywhere(target: object, name: string): void {
  for (let o: object | null = target; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    if (Object.prototype.hasOwnProperty.call(o, name)) {
      try {
        delete (o as Record<string, unknown>)[name];
      } catch {
        // non-configurable: the getter below on the global itself shadows it
      }
    }
  }
}

/** Navigator in a worker carries storage, locks and sendBeacon-like doors. */
function lockNavigator(g: Record<string, unknown>): void {
  const nav = g.navigator as object | undefined;
  if (!nav) return;
  for (const name of ['storage', 'serviceWorker', 'locks', 'sendBeacon', 'connection'])
    deleteEverywhere(nav, name);
}

const locked = new WeakSet<object>();

/** Idempotent; call once at worker start, before loading any lesson or learner code. */
export function lockdown(g: typeof globalThis = globalThis): void {
  if (locked.has(g)) return;
  locked.add(g);
  const global = g as unknown as Record<string, unknown>;
  lockNavigator(global);
  for (const name of LOCKED_GLOBALS) {
    deleteEverywhere(g, name);
    try {
      // A throwing getter (not just a missing name) so learner code is told why.
      Object.defineProperty(g, name, {
        configurable: false,
        enumerable: false,
        get() {
          throw notAvailable(name);
        },
      });
    } catch {
      // the name could not be redefined; it was at least deleted above
    }
  }
}
