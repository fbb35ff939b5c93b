import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage, afterLongRun } from './pages/LessonPage';

test('message queue: from the index, play, fix the consumer, crash one and watch its message come back', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(240_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await expect(page.getByRole('heading', { name: 'Messaging' })).toBeVisible();
  await index
    .card('message-queue')
    .getByRole('link', { name: 'Message queues: competing consumers' })
    .click();
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });

  // Title, first step, and the starter's verdicts: it loses messages, loops on poison, never scales.
  await expect(
    page.getByRole('heading', { name: 'Message queues: competing consumers', level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Work that can wait', level: 2 })).toBeVisible();
  await expect(lesson.goal('no-loss')).toContainText('✗ Not met');
  await expect(lesson.goal('no-loss')).toContainText(
    /\d+ of [\d,]+ messages (was|were) deleted from the queue but never processed/,
  );
  await expect(lesson.goal('poison-parked')).toContainText('✗ Not met');
  await expect(lesson.goal('drained')).toContainText('✗ Not met');
  await expect(lesson.goal('efficient')).toContainText('✓ Met');

  // Play: time moves, the consumers take messages.
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();
  await expect(lesson.button('Play')).toBeVisible();
  await expect(lesson.node('queue')).toBeVisible();

  // The learner's edit: delete after processing, give failures back to the queue.
  const starter = await lesson.code();
  expect(starter).toContain("return 'ack-then-process';");
  await lesson.setCode(
    starter
      .replace("return 'ack-then-process';", "return 'process-then-ack';")
      .replace("return 'retry-here';", "return 'release';"),
  );
  await afterLongRun(page, () =>
    page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
  );
  await expect(lesson.goal('no-loss')).toContainText('✓ Met');
  await expect(lesson.goal('no-loss')).toContainText(/0 of [\d,]+ messages lost/);
  await expect(lesson.goal('poison-parked')).toContainText('✓ Met');
  await expect(lesson.goal('drained')).toContainText('✗ Not met');
  const before = await lesson.lastRun();
  expect(before?.metrics.lost).toBe(0);
  const expiriesBefore = Number(before?.metrics.visibilityExpiries);

  // Crash consumer-1 from the fault panel at 30 s: its message comes back after the 10 s timeout.
  await lesson.timeline.fill('30000');
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('consumer-1');
  await afterLongRun(page, () => faults.getByRole('button', { name: /^Add at 30/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/crash consumer-1/);
  const after = await lesson.lastRun();
  expect(after?.metrics.consumerCrashes).toBe(2);
  expect(after?.metrics.lost).toBe(0);
  // The message consumer-1 held when it died comes back when its visibility timeout runs out.
  expect(Number(after?.metrics.visibilityExpiries)).toBeGreaterThan(expiriesBefore);
  await lesson.timeline.fill('35000');
  await expect(lesson.node('consumer-1')).toHaveAttribute('aria-label', /consumer-1 down/);
  await expect(page.getByTestId('metrics')).toContainText('redeliveries');
  await page.screenshot({ path: test.info().outputPath('message-queue-after-crash.png') });
});
