import { createElement, lazy, Suspense } from 'react';
import type { CodePaneProps } from './props';

export type { CodePaneProps } from './props';
export type { CodePaneTestHook } from './test-hook';

// Monaco is ~1 MB gzip: only this dynamic import may reach it, so it stays out of the entry chunk.
const CodePaneImpl = lazy(() => import('./CodePaneImpl'));

// Inline style: the pane's stylesheet lives in the lazy chunk, and the placeholder
// should take the editor's room so the page does not jump when Monaco arrives.
const fallback = createElement(
  'div',
  { role: 'status', style: { minHeight: 360, padding: '0.75rem', fontFamily: 'system-ui, sans-serif' } },
  'Loading editor…',
);

export function CodePane(props: CodePaneProps) {
  return createElement(Suspense, { fallback }, createElement(CodePaneImpl, props));
}
