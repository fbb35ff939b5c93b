import { lessonEntries } from '../lessons/manifest';
import { expect, test } from './fixtures';
import { overflowingViews } from './overflow';
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

test.describe('every lesson on a phone in dark mode', () => {
  test.use({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  for (const { id, title } of lessonEntries)
    test(`${id}: mid-run, no texts overlap and every view fits the screen`, async ({
      page,
      consoleErrors: _,
    }) => {
      // The heaviest lessons take a while to run on a busy machine.
      test.setTimeout(120_000);
      const lesson = new LessonPage(page);
      await page.goto(`./#/lesson/${id}`);
      await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      // Two fifths into the run: messages in flight, the charts part drawn.
      const { durationMs } = await page.evaluate(() => window.__playground!.playback());
      await lesson.timeline.fill(String(Math.round(durationMs * 0.4)));
      await expect(lesson.time).not.toHaveText(/^0 ms/);
      expect(await overlappingTexts(page)).toEqual([]);
      expect(await overflowingViews(page)).toEqual([]);
    });
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

test('the overflow check finds a view wider than the screen', async ({ page, consoleErrors: _ }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const lesson = new LessonPage(page);
  await lesson.open();
  expect(await overflowingViews(page)).toEqual([]);
  // A deliberately overflowing fixture: one view's drawing made wider than the phone.
  await page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('figure.view svg')!;
    svg.style.width = '900px';
    svg.style.maxWidth = 'none';
  });
  const found = await overflowingViews(page);
  expect(found.some((p) => / a svg 900 px wide in /.test(p))).toBe(true);
});
