import { encodeShare } from '../share/codec';
import { rememberOwnAddress } from './persist';
import { scenarioOf } from './scenario';
import { useStore, type Store } from './store';

/** The address follows the page after this quiet period (or at least this often while playing). */
const QUIET_MS = 200;
const MAX_WAIT_MS = 1500;

/** The `#/lesson/<id>?s=...` hash that reopens what the store shows now, or null without a lesson. */
export function hashOf(s: Store): string | null {
  const scenario = scenarioOf(s);
  if (!scenario || !s.lesson) return null;
  const payload = encodeShare(s.lesson, {
    scenario,
    t: s.t,
    compare: s.compare,
    step: s.step,
    seeds: s.seedsRun?.count,
  });
  return `#/lesson/${scenario.lessonId}?s=${payload}`;
}

/** A link to what is on screen: the page address without its hash, plus hashOf. */
export function linkOf(s: Store, base: string): string | null {
  const hash = hashOf(s);
  return hash && `${base.split('#')[0]}${hash}`;
}

/**
 * Keeps the address bar a working link to the page: knobs, code, seed, faults, compare,
 * narrative step, playback time and a many-seeds run, written with replaceState
 * (debounced; playback time once playback stops) and flushed before the page goes away.
 * Returns a function that stops it.
 */
export function syncAddressBar(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  const write = () => {
    timer = undefined;
    firstPending = 0;
    const s = useStore.getState();
    // Only once the lesson on screen is the one the address names (not while another opens).
    if (!s.lesson || s.lessonId !== s.lesson.id || !window.location.hash.startsWith(`#/lesson/${s.lessonId}`))
      return;
    const hash = hashOf(s);
    if (hash && hash !== window.location.hash) {
      history.replaceState(history.state, '', hash);
      rememberOwnAddress(hash);
    }
  };
  const schedule = () => {
    const now = performance.now();
    firstPending ||= now;
    clearTimeout(timer);
    timer = setTimeout(write, now - firstPending > MAX_WAIT_MS ? 0 : QUIET_MS);
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (
      s.lesson !== prev.lesson ||
      s.params !== prev.params ||
      s.code !== prev.code ||
      s.seed !== prev.seed ||
      s.faults !== prev.faults ||
      s.compare !== prev.compare ||
      s.step !== prev.step ||
      s.playing !== prev.playing ||
      // While playing, time moves every frame and writing a long address costs a frame:
      // the address takes the time when playback stops (or the page goes away).
      (s.t !== prev.t && !s.playing) ||
      s.seedsRun?.count !== prev.seedsRun?.count
    )
      schedule();
  });
  const flush = () => {
    clearTimeout(timer);
    write();
  };
  // Navigation (a pasted link, Back) wins over a pending write of the page being left.
  const onNavigate = () => {
    clearTimeout(timer);
    timer = undefined;
    firstPending = 0;
  };
  window.addEventListener('pagehide', flush);
  window.addEventListener('hashchange', onNavigate);
  return () => {
    unsubscribe();
    clearTimeout(timer);
    window.removeEventListener('pagehide', flush);
    window.removeEventListener('hashchange', onNavigate);
  };
}
