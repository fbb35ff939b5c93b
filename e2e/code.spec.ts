import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

const FAST = `export function nextPollDelay(): number {\n  return 50;\n}\n`;

test('editing the code flips a goal, and reload keeps the edit', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await expect(lesson.goal('fresh')).toContainText('Not met');
  await lesson.setCode(FAST);
  await lesson.run();
  await expect(lesson.goal('fresh')).toContainText('Met');
  await expect(lesson.goal('fresh')).not.toContainText('Not met');
  expect((await lesson.lastRun())?.goals.find((g) => g.id === 'fresh')?.passed).toBe(true);

  await page.reload();
  await lesson.waitReady();
  expect(await lesson.code()).toBe(FAST);
});

test('a syntax error is reported with its line and the app stays alive', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.setCode('export function nextPollDelay(): number {\n  return 100\n  let = ;\n}\n');
  await lesson.run();
  const run = await lesson.lastRun();
  expect(run?.diagnostics[0]).toMatchObject({ kind: 'syntax', line: 3 });
  await expect(lesson.problems()).toContainText(/line 3/i);
  // The goals on screen are the last good run's, marked as such (not this broken one's).
  await expect(page.locator('.goals h2')).toContainText('from the previous run');

  // Still alive: a fixed version runs.
  await lesson.setCode(FAST);
  await lesson.run();
  await expect(lesson.goal('fresh')).not.toContainText('Not met');
});

test('an infinite loop is stopped within a few seconds, reported, and the code is kept', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const loop = 'export function nextPollDelay(){ while(true){} }';
  await lesson.setCode(loop);
  const started = Date.now();
  await lesson.run();
  expect(Date.now() - started).toBeLessThan(8000);
  await lesson.expectNotice(/ran for more than 2 s without returning/);
  expect((await lesson.lastRun())?.diagnostics[0]?.kind).toBe('timeout');
  expect(await lesson.code()).toBe(loop);

  // A fresh worker answers the next run.
  await lesson.setCode(FAST);
  await lesson.run();
  await expect(lesson.goal('fresh')).not.toContainText('Not met');
});
