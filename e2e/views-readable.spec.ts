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
