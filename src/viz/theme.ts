import type { Tone } from '../engine/trace';
import { CATEGORY_COLOR, stateCategory } from './state-category';

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

/** A message's colour by the lesson's judgement of it (see Tone): fresh, stale, an anomaly. */
export const TONE_CSS: Readonly<Record<Tone, string>> = { ok: css.ok, warn: css.warn, bad: css.bad };

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

export const restColor = CATEGORY_COLOR.rest;

export type StateColors = (state: string) => string;

/**
 * The colour of a state: its category's (see state-category.ts), the same in every
 * panel and run. The argument is kept for callers; colours no longer depend on it.
 */
export function stateColors(_statesByKind?: ReadonlyMap<string, readonly string[]>): StateColors {
  return (state) => CATEGORY_COLOR[stateCategory(state)];
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Canvas cannot use var(): a resolver from any CSS colour (`var(--name, fallback)` or plain)
 * to a concrete one, reading the custom properties once per value until `refresh()`.
 */
export function cssColorResolver(el: Element): { (value: string): string; refresh(): void } {
  const cache = new Map<string, string>();
  let style: CSSStyleDeclaration | undefined;
  const resolve = (value: string): string => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const m = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(value.trim());
    let out = value;
    if (m) {
      style ??= typeof getComputedStyle === 'function' ? getComputedStyle(el) : undefined;
      out = style?.getPropertyValue(m[1] as string).trim() || (m[2] ? resolve(m[2].trim()) : value);
    }
    cache.set(value, out);
    return out;
  };
  resolve.refresh = () => {
    cache.clear();
    style = undefined;
  };
  return resolve;
}
