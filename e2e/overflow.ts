import type { Page } from '@playwright/test';

/**
 * Views that do not fit the screen's width, as "view title: why": a view whose box runs
 * past the left or right edge of the viewport, a drawing (svg or canvas) wider than its
 * view (cut at the view's edge), and a page that scrolls sideways at all.
 */
export function overflowingViews(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    const title = (fig: Element, i: number) => fig.getAttribute('aria-label') || `view ${i + 1}`;
    document.querySelectorAll<HTMLElement>('figure.view').forEach((fig, i) => {
      const box = fig.getBoundingClientRect();
      if (box.width === 0) return;
      if (box.left < -1 || box.right > width + 1)
        out.push(`${title(fig, i)}: spans ${Math.round(box.left)}..${Math.round(box.right)} px of ${width}`);
      for (const drawing of fig.querySelectorAll<SVGSVGElement | HTMLCanvasElement>(
        ':scope svg, :scope canvas',
      )) {
        if (drawing.closest('.hover, [role="tooltip"]') || drawing.parentElement?.closest('svg')) continue;
        const d = drawing.getBoundingClientRect();
        if (d.width > 0 && (d.right > box.right + 1 || d.left < box.left - 1))
          out.push(
            `${title(fig, i)}: a ${drawing.tagName.toLowerCase()} ${Math.round(d.width)} px wide in ${Math.round(box.width)} px`,
          );
      }
    });
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width + 1) out.push(`page: ${scroll} px wide on a ${width} px screen`);
    return out;
  });
}
