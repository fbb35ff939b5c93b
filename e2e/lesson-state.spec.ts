import { expect, test, watchErrors } from './fixtures';
import { LessonPage } from './pages/LessonPage';

const FAST_POLL = 'export function nextPollDelay(): number {\n  return 400;\n}\n';

test('a reload keeps knobs, narrative step and playback time, from the address bar', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.setKnob('Clients (clients)', '37'));
  await lesson.button('Next →').click();
  await lesson.button('Next →').click();
  await expect(page.getByText('Step 3 of')).toBeVisible();
  await lesson.timeline.fill('12345');
  const time = await lesson.time.textContent();
  // The address follows the page (debounced).
  await expect.poll(() => page.url()).toMatch(/#\/lesson\/polling\?s=/);
  await page.waitForTimeout(600);

  await page.reload();
  await lesson.waitReady();
  await expect(lesson.knob('Clients (clients)')).toHaveValue('37');
  await expect(page.getByText('Step 3 of')).toBeVisible();
  await expect(lesson.time).toHaveText(time!);
});

test('a link with the starter code reproduces the run for a reader who saved code of their own', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  const sender = new LessonPage(page);
  await sender.open();
  const starterRequests = (await sender.lastRun())?.metrics.requests;
  const link = await sender.shareLink();

  // The reader has their own code saved for this lesson.
  const context = await browser.newContext();
  const other = await context.newPage();
  const errors: string[] = [];
  await watchErrors(other, errors);
  const reader = new LessonPage(other);
  await reader.open();
  await reader.setCode(FAST_POLL);
  await reader.run();
  expect((await reader.lastRun())?.metrics.requests).not.toEqual(starterRequests);

  // Same page, new address: wait for the run the link starts, not the reader's earlier one.
  await reader.afterRun(async () => {
    await other.goto(link);
  });
  expect((await reader.lastRun())?.metrics.requests).toEqual(starterRequests);
  expect(await reader.code()).not.toContain('return 400;');
  const notice = other.getByRole('status').filter({ hasText: /runs the starter code/ });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('kept');

  // Their own code is one click away.
  await reader.afterRun(() => notice.getByRole('button', { name: 'Use my saved code' }).click());
  expect(await reader.code()).toContain('return 400;');
  expect((await reader.lastRun())?.metrics.requests).not.toEqual(starterRequests);
  expect(errors).toEqual([]);
  await context.close();
});

test('a syntax error keeps the last good run on screen, marked, beside the error', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await expect(lesson.node('server')).toBeVisible();
  await lesson.setCode('export function nextPollDelay(: number {\n  return 400;\n}\n');
  await lesson.run();
  const banner = page.getByTestId('run-banner');
  await expect(banner).toContainText('From the previous run');
  await expect(banner).toContainText('Syntax error');
  // The views, goals and metrics of the previous run stay, each marked.
  await expect(lesson.node('server')).toBeVisible();
  await expect(page.locator('.goals h2')).toContainText('from the previous run');
  await expect(lesson.goal('fresh')).toBeVisible();
  await expect(page.locator('.metrics h2')).toContainText('from the previous run');
  await expect(lesson.problems()).toContainText('Syntax error');

  // A good run clears the marks.
  await lesson.setCode(FAST_POLL);
  await lesson.run();
  await expect(banner).toHaveCount(0);
  await expect(page.locator('.goals h2')).not.toContainText('previous');
});

test('a run in progress can be cancelled; the previous run stays', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  // A long run (15 minutes of a thousand clients polling): seconds of work, with progress.
  await lesson.setKnob('Clients (clients)', '1000');
  await lesson.setKnob('Duration (ms)', '900000');
  const banner = page.getByTestId('run-banner');
  await expect(banner).toContainText('New run in progress');
  await expect(banner.getByRole('progressbar', { name: 'Run progress' })).toBeVisible();
  await banner.getByRole('button', { name: 'Cancel run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Run cancelled' })).toBeVisible();
  await expect(banner).toContainText('From the previous run');
  await expect(lesson.node('server')).toBeVisible();
  await expect(lesson.goal('fresh')).toBeVisible();
});

test('Run lists type errors with their line and still runs valid JavaScript', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await expect(page.getByTestId('code-editor')).toBeVisible();
  await lesson.setCode(
    "import type { PollAnswer } from './api';\n\nexport function nextPollDelay(answer: PollAnswer): number {\n  const wait: string = 400;\n  return wait as unknown as number;\n}\n",
  );
  await lesson.run();
  const types = page.getByRole('list', { name: 'Type errors' });
  await expect(types).toContainText("Line 4: Type 'number' is not assignable to type 'string'");
  await expect(page.locator('.code-pane__types-note')).toContainText('the code still ran');
  expect((await lesson.lastRun())?.diagnostics).toEqual([]);
  await types.getByRole('button').first().click();
  // The cursor is on that line: Monaco highlights its number.
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('4');
});

test('a number knob takes what is typed on Enter and says why a value is refused', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const poll = lesson.knob('Poll interval (ms)');
  await lesson.afterRun(() => lesson.setKnob('Poll interval (ms)', '5000'));
  await expect(poll).toHaveValue('5000');
  expect(await page.evaluate(() => window.location.hash)).toContain('?s=');

  await poll.fill('5');
  await poll.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /out of range/ })).toContainText('between');
  await expect(poll).toHaveAttribute('aria-invalid', 'true');
  await poll.press('Escape');
  await expect(poll).toHaveValue('5000');
});

test('the speed slider answers the arrow keys; the editor says how to leave it', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const speed = page.getByRole('slider', { name: 'Speed' });
  await speed.focus();
  await expect(page.locator('.speed-value')).toHaveText('1.0×');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.speed-value')).toHaveText('2.0×');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.speed-value')).toHaveText('0.50×');

  await page.getByTestId('code-editor').click();
  const hint = page.getByText('To leave the editor: Esc then Tab');
  await expect(hint).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(hint).toBeHidden();
  expect(await page.evaluate(() => document.activeElement?.closest('.monaco-editor'))).toBeNull();
});
