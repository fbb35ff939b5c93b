import { expect, test } from './fixtures';
import { overlappingTexts } from './overlap';
import { LessonPage } from './pages/LessonPage';

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
])
  for (const clients of ['50', '200'])
    test(`no texts overlap at ${size.width}×${size.height} with ${clients} clients`, async ({
      page,
      consoleErrors: _,
    }) => {
      await page.setViewportSize(size);
      const lesson = new LessonPage(page);
      await lesson.open();
      await lesson.afterRun(() => lesson.setKnob('Clients (clients)', clients));
      // Mid-run, with messages in flight and labels on them.
      await lesson.timeline.fill('7600');
      await expect(lesson.crowd(`${clients} clients`)).toBeVisible();
      expect(await overlappingTexts(page)).toEqual([]);
      // Opened, the crowd's members are nodes: their labels still never overlap.
      await lesson.expandCrowd(`${clients} clients`);
      expect(await overlappingTexts(page)).toEqual([]);
    });

test('the overlap check finds texts drawn over each other', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  expect(await overlappingTexts(page)).toEqual([]);
  // A deliberately overlapping fixture: two labels at one spot in a view, one rotated.
  await page.evaluate(() => {
    const svg = document.querySelector('figure svg')!;
    for (const [text, rotate] of [
      ['fixture one', 0],
      ['fixture two', 30],
    ] as const) {
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      t.setAttribute('transform', `translate(100,100) rotate(${rotate})`);
      t.textContent = text;
      svg.appendChild(t);
    }
    // And a button moved over another.
    const buttons = document.querySelectorAll<HTMLElement>('.playback button');
    const [a, b] = [buttons[0]!, buttons[1]!];
    b.style.position = 'relative';
    b.style.left = `${a.getBoundingClientRect().left - b.getBoundingClientRect().left + 4}px`;
  });
  const found = await overlappingTexts(page);
  expect(found).toContain('fixture one / fixture two');
  expect(found.some((p) => p.startsWith('BUTTON') && p.includes(' / BUTTON'))).toBe(true);
});
