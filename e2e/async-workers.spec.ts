import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage, afterLongRun } from './pages/LessonPage';

test('async workers: from the index, defer the work to workers, then crash one and see its message redelivered', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(240_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.openLesson('async-workers', 'Delegation: a queue and workers');
  await expect(page.getByRole('heading', { name: 'Work that can wait', level: 2 })).toBeVisible();

  // The starter does everything inside the request: slow answers, the burst hits the database.
  await expect(lesson.goal('fast-api')).toContainText('✗ Not met');
  await expect(lesson.goal('fast-api')).toContainText(/p99 [\d,.]+ ms > 50 ms/);
  await expect(lesson.goal('smooth-db')).toContainText('✗ Not met');
  await expect(lesson.goal('post-visible')).toContainText('✓ Met');
  const queue = page.locator('svg[aria-label^="Work queue"]');
  await expect(queue).toHaveAttribute('aria-label', /0 visible, 0 in flight/);

  // Play and pause: time moves.
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();
  await expect(lesson.node('api')).toBeVisible();

  // The learner's edit: store posts in the request, everything else on the workers.
  const starter = await lesson.code();
  expect(starter).toContain("return 'request';");
  await lesson.setCode(
    starter.replace(
      "return 'request';",
      "if (kind === 'post' && step === 'store') return 'request';\n  return 'worker';",
    ),
  );
  await afterLongRun(page, () =>
    page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
  );
  await expect(lesson.goal('fast-api')).toContainText('✓ Met');
  await expect(lesson.goal('smooth-db')).toContainText('✓ Met');
  await expect(lesson.goal('smooth-db')).toContainText(/Busiest second: \d+ queries ≤ 600/);
  await expect(lesson.goal('caught-up')).toContainText('✓ Met');
  // Just after the burst the queue holds the devices' readings.
  await lesson.timeline.fill('31500');
  await expect(queue).toHaveAttribute('aria-label', /[\d,]{3,} visible, \d+ in flight/);
  const before = await lesson.lastRun();
  expect(before?.metrics.redeliveries).toBe(0);

  // Crash worker-1 from the fault panel while it works through the burst.
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('worker-1');
  await afterLongRun(page, () => faults.getByRole('button', { name: /^Add at 31/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/crash worker-1/);
  const after = await lesson.lastRun();
  expect(after?.metrics.workerCrashes).toBe(1);
  // The message worker-1 held comes back when its 10 s visibility timeout runs out.
  expect(Number(after?.metrics.visibilityExpiries)).toBeGreaterThanOrEqual(1);
  expect(Number(after?.metrics.redeliveries)).toBeGreaterThanOrEqual(1);
  await lesson.timeline.fill('35000');
  await expect(lesson.node('worker-1')).toHaveAttribute('aria-label', /worker-1 down/);
  await expect(page.getByTestId('metrics')).toContainText('redeliveries');
  await page.screenshot({ path: test.info().outputPath('async-workers-after-crash.png') });
});
