import { expect, test } from './fixtures';
import { formatClock } from '../src/ui/format';
import { LessonPage } from './pages/LessonPage';

test('play, pause, step and scrub back change the time and what the views show', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await expect(lesson.time).toHaveText('0 ms / 1 min 0.0 s');
  await expect(lesson.inFlight).toHaveText('0 messages in flight at 0 ms');

  await lesson.button('Play').click();
  await expect(lesson.button('Pause')).toBeVisible();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();
  await expect(lesson.button('Play')).toBeVisible();
  const paused = await lesson.time.textContent();
  await page.waitForTimeout(300);
  await expect(lesson.time).toHaveText(paused!);

  // Step moves to the next event; Left steps back.
  const tOf = async () => (await lesson.page.evaluate(() => window.__playground!.playback())).t;
  const before = await tOf();
  await lesson.button('Step').click();
  // Events can be a fraction of a millisecond apart; the clock shows tenths of a ms under 1 s.
  await expect.poll(tOf).toBeGreaterThan(before);
  const stepped = await tOf();
  await expect(lesson.time).toHaveText(`${formatClock(stepped)} / 1 min 0.0 s`);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(tOf).toBeLessThan(stepped);
  expect(await tOf()).toBeLessThanOrEqual(before);

  // Scrub forward to a busy moment, then back to the start: the views follow both ways.
  await lesson.timeline.fill('30000');
  await expect(lesson.time).toHaveText('30.000 s / 1 min 0.0 s');
  await expect(lesson.inFlight).toContainText('at 30.000 s');
  await expect(lesson.inFlight).not.toHaveText(/^0 messages/);
  await lesson.timeline.fill('0');
  await expect(lesson.inFlight).toHaveText('0 messages in flight at 0 ms');

  // Space plays and pauses (outside the editor).
  await page.locator('.status-line').click();
  await page.keyboard.press('Space');
  await expect(lesson.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(lesson.button('Play')).toBeVisible();
});
