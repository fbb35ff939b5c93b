/**
 * Colours come from the app's CSS custom properties so light and dark themes both
 * work; the fallbacks keep a view legible when it is mounted outside the app.
 */
export const css = {
  fg: 'var(--fg, #1f2328)',
  muted: 'var(--muted, #6b7280)',
  accent: 'var(--accent, #2563eb)',
  ok: 'var(--ok, #15803d)',
  bad: 'var(--bad, #dc2626)',
  panel: 'var(--panel, #ffffff)',
  warn: 'var(--warn, #d97706)',
  reply: 'var(--accent-2, #9333ea)',
  font: 'var(--font-sans, system-ui, -apple-system, "Segoe UI", sans-serif)',
  mono: 'var(--font-mono, ui-monospace, "SFMono-Regular", Menlo, monospace)',
} as const;

const fallbacks: Record<string, string> = {
  '--fg': '#1f2328',
  '--muted': '#6b7280',
  '--accent': '#2563eb',
  '--ok': '#15803d',
  '--bad': '#dc2626',
  '--panel': '#ffffff',
  '--warn': '#d97706',
  '--accent-2': '#9333ea',
};

export type Palette = {
  fg: string;
  muted: string;
  accent: string;
  ok: string;
  bad: string;
  panel: string;
  warn: string;
  reply: string;
};

/** Canvas cannot use var(): resolve the custom properties to concrete colours. */
export function resolvePalette(el: Element): Palette {
  const style = typeof getComputedStyle === 'function' ? getComputedStyle(el) : undefined;
  const get = (name: string) => style?.getPropertyValue(name).trim() || (fallbacks[name] as string);
  return {
    fg: get('--fg'),
    muted: get('--muted'),
    accent: get('--accent'),
    ok: get('--ok'),
    bad: get('--bad'),
    panel: get('--panel'),
    warn: get('--warn'),
    reply: get('--accent-2'),
  };
}

/**
 * Colours for state names, mid-tone so they read on light and dark panels. Each kind's
 * first state is its resting state (idle, waiting) and is drawn neutral, so colour means
 * "busy doing something". Blue and purple are left to the messages; 'down' is always "bad".
 */
const stateHues = [
  '#f59e0b',
  '#10b981',
  '#ec4899',
  '#06b6d4',
  '#f97316',
  '#84cc16',
  '#d946ef',
  '#a16207',
  '#14b8a6',
  '#eab308',
];
export const restColor = 'var(--node-rest, #94a3b8)';

export type StateColors = (state: string) => string;

export function stateColors(statesByKind: ReadonlyMap<string, readonly string[]>): StateColors {
  const rest = new Set(
    [...statesByKind.values()].map((s) => s[0]).filter((s): s is string => s !== undefined),
  );
  const active = [...new Set([...statesByKind.values()].flat())].filter((s) => !rest.has(s) && s !== 'down');
  return (state) => {
    if (state === 'down') return css.bad;
    if (state === '' || rest.has(state)) return restColor;
    const i = active.indexOf(state);
    return stateHues[(i < 0 ? 0 : i) % stateHues.length] as string;
  };
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
