/**
 * What survives a reload: the learner's code per lesson and the goals met per lesson.
 * localStorage can be missing or full (private windows); every access is guarded.
 */
const CODE_KEY = (lessonId: string) => `sdp.code.${lessonId}`;
const PROGRESS_KEY = 'sdp.progress.v1';

export interface LessonProgress {
  /** Goal ids met in at least one run. */
  met: string[];
  total: number;
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadCode(lessonId: string): string | undefined {
  try {
    return storage()?.getItem(CODE_KEY(lessonId)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Saves the code, or forgets it when it is the starter again. */
export function saveCode(lessonId: string, code: string, starter: string): void {
  try {
    if (code === starter) storage()?.removeItem(CODE_KEY(lessonId));
    else storage()?.setItem(CODE_KEY(lessonId), code);
  } catch {
    // quota or privacy mode: the code still lives in memory for this session
  }
}

const KEPT_KEY = (lessonId: string) => `sdp.code.${lessonId}.kept`;

/** Puts the learner's saved code aside (a link replaced it on screen) so one click brings it back. */
export function keepCode(lessonId: string, code: string): void {
  try {
    storage()?.setItem(KEPT_KEY(lessonId), code);
  } catch {
    // not fatal: the notice's button then restores what is still saved, if anything
  }
}

export function loadKeptCode(lessonId: string): string | undefined {
  try {
    return storage()?.getItem(KEPT_KEY(lessonId)) ?? undefined;
  } catch {
    return undefined;
  }
}

export function loadProgress(): Record<string, LessonProgress> {
  try {
    const raw = storage()?.getItem(PROGRESS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (!parsed || typeof parsed !== 'object') return {};
    const out: Record<string, LessonProgress> = {};
    for (const [id, p] of Object.entries(parsed as Record<string, unknown>)) {
      const rec = p as Partial<LessonProgress> | null;
      if (rec && Array.isArray(rec.met) && typeof rec.total === 'number') {
        out[id] = { met: rec.met.filter((m): m is string => typeof m === 'string'), total: rec.total };
      }
    }
    return out;
  } catch {
    return {};
  }
}

export function saveProgress(progress: Record<string, LessonProgress>): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // not fatal: progress is only a convenience
  }
}

const OWN_HASH_KEY = 'sdp.addressBar';

/**
 * The address this tab last wrote into its own address bar (sessionStorage: per tab, kept
 * over a reload). A reload of that address is this learner's own page, whose code in
 * localStorage is newer than the (debounced) address; any other address is a link.
 */
export function rememberOwnAddress(hash: string): void {
  try {
    globalThis.sessionStorage?.setItem(OWN_HASH_KEY, hash);
  } catch {
    // without sessionStorage a reload is treated like a link: it still reproduces the address
  }
}

export function isOwnAddress(hash: string): boolean {
  try {
    return hash !== '' && globalThis.sessionStorage?.getItem(OWN_HASH_KEY) === hash;
  } catch {
    return false;
  }
}
