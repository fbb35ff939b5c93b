import type { Page } from '@playwright/test';

/**
 * Pairs of visible texts that overlap on screen, as "a / b": every text of every view
 * (chart titles and values, axis ticks, space-time headers, topology labels, legends,
 * crowd counts; rotated labels as rotated boxes) and the page's controls outside the
 * code editor (buttons, fields, knob labels, headings). Tooltips and hover cards are left out.
 */
export function overlappingTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Quad = [number, number][];
    const overlap = (p: Quad, q: Quad) => {
      for (const quad of [p, q])
        for (let i = 0; i < 2; i++) {
          const ax = quad[i]![1] - quad[i + 1]![1];
          const ay = quad[i + 1]![0] - quad[i]![0];
          const proj = (r: Quad) => r.map(([x, y]) => x * ax + y * ay);
          const a = proj(p);
          const b = proj(q);
          if (Math.max(...a) <= Math.min(...b) + 0.5 || Math.max(...b) <= Math.min(...a) + 0.5) return false;
        }
      return true;
    };
    const shown = (el: Element) =>
      el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && el.getClientRects().length > 0;
    const out: string[] = [];
    // Texts in the views, panel by panel.
    for (const svg of document.querySelectorAll<SVGSVGElement>('figure svg')) {
      const items = [...svg.querySelectorAll<SVGTextElement>('text')]
        .filter((t) => shown(t) && t.textContent?.trim() && !t.closest('.hover'))
        .map((t) => {
          const b = t.getBBox();
          const m = t.getScreenCTM()!;
          const quad = [
            [b.x, b.y],
            [b.x + b.width, b.y],
            [b.x + b.width, b.y + b.height],
            [b.x, b.y + b.height],
          ].map(([x, y]) => [m.a * x! + m.c * y! + m.e, m.b * x! + m.d * y! + m.f]) as Quad;
          return { text: t.textContent!.trim(), quad };
        });
      for (let i = 0; i < items.length; i++)
        for (let j = i + 1; j < items.length; j++)
          if (overlap(items[i]!.quad, items[j]!.quad)) out.push(`${items[i]!.text} / ${items[j]!.text}`);
    }
    // Controls and headings outside the editor (Monaco draws its own text).
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'main button, main input, main select, main label, main h1, main h2, main h3, main [data-testid]',
      ),
    ].filter((el) => shown(el) && !el.closest('.code-region, figure'));
    const boxes = controls.map((el) => el.getBoundingClientRect());
    for (let i = 0; i < controls.length; i++)
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [controls[i]!, controls[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        const [p, q] = [boxes[i]!, boxes[j]!];
        if (p.width === 0 || q.width === 0) continue;
        if (p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1)
          out.push(
            `${a.tagName} "${a.textContent?.trim() || a.getAttribute('aria-label') || ''}" / ${b.tagName} "${b.textContent?.trim() || b.getAttribute('aria-label') || ''}"`,
          );
      }
    return out;
  });
}
