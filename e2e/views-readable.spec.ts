import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

/** state -> fill colour of the topology nodes in one panel (from their accessible names). */
async function fillsByState(lesson: LessonPage, panel: string): Promise<Record<string, string>> {
  return lesson.page
    .locator(`section[aria-label="Views of ${panel}"] g.nodes > g[aria-label]`)
    .evaluateAll((gs) => {
      const out: Record<string, string> = {};
      for (const g of gs) {
        const m = /^\S+ (.+) \([^)]+\)$/.exec(g.getAttribute('aria-label') ?? '');
        const shape = g.querySelector('rect, circle');
        if (m && shape) out[m[1]!] = getComputedStyle(shape).fill;
      }
      return out;
    });
}

test('a state has the same colour in both compare panels', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.button('◧ Compare').click());
  await expect(page.locator('section[aria-label="Views of Long polling"] g.nodes > g')).not.toHaveCount(0);
  const common: string[] = [];
  for (const t of ['3000', '7500', '12000', '20000']) {
    await lesson.timeline.fill(t);
    const short = await fillsByState(lesson, 'Short polling');
    const long = await fillsByState(lesson, 'Long polling');
    for (const state of Object.keys(short).filter((s) => s in long)) {
      expect(short[state], `colour of "${state}" at ${t} ms`).toBe(long[state]);
      common.push(state);
    }
  }
  expect(common).toContain('requesting');
  // The legend names the exact states with the same swatches.
  await expect(page.locator('section[aria-label="Views of Short polling"] .legend')).toContainText(
    'client requesting',
  );
});

/** Pairs of visible topology labels (name and state) whose rotated boxes overlap, per panel. */
async function overlappingLabels(lesson: LessonPage): Promise<string[]> {
  return lesson.page.locator('figure svg').evaluateAll((svgs) => {
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
    const out: string[] = [];
    for (const svg of svgs as SVGSVGElement[]) {
      const root = svg.getScreenCTM()!.inverse();
      const labels = [...svg.querySelectorAll<SVGGElement>('g.nodes > g > g')].filter(
        (g) => getComputedStyle(g).display !== 'none' && g.textContent?.trim(),
      );
      const quads = labels.map((g) => {
        const b = g.getBBox();
        const m = root.multiply(g.getScreenCTM()!);
        return [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x + b.width, b.y + b.height],
          [b.x, b.y + b.height],
        ].map(([x, y]) => [m.a * x! + m.c * y! + m.e, m.b * x! + m.d * y! + m.f]) as Quad;
      });
      for (let i = 0; i < quads.length; i++)
        for (let j = i + 1; j < quads.length; j++)
          if (overlap(quads[i]!, quads[j]!))
            out.push(`${labels[i]!.textContent} / ${labels[j]!.textContent}`);
    }
    return out;
  });
}

for (const clients of ['50', '200']) {
  test(`no topology labels overlap with ${clients} clients, alone and in compare mode`, async ({
    page,
    consoleErrors: _,
  }) => {
    const lesson = new LessonPage(page);
    await lesson.open();
    await lesson.afterRun(() => lesson.setKnob('Clients (clients)', clients));
    await lesson.timeline.fill('6000');
    await expect(lesson.node('server')).toBeVisible();
    expect(await overlappingLabels(lesson)).toEqual([]);
    // Labels that had to go are still a hover away (the server's always shows).
    await expect(lesson.node('server')).toContainText('server');
    await lesson.afterRun(() => lesson.button('◧ Compare').click());
    await expect(
      page.locator('section[aria-label="Views of Long polling"] g.nodes > g').first(),
    ).toBeVisible();
    expect(await overlappingLabels(lesson)).toEqual([]);
  });
}

test('the space-time diagram shows the busiest clients and adds the one selected in the topology', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const heads = page.locator('figure[aria-label="Space-time diagram of messages"] .lifeline-heads');
  await expect(heads).toContainText('server');
  await expect(heads).toContainText('select to add');
  await expect(heads).not.toContainText('client-20');
  // Selected from the keyboard (nodes are buttons), as a learner without a mouse would.
  await lesson.node('client-20').focus();
  await page.keyboard.press('Enter');
  await expect(heads).toContainText('client-20');
});
