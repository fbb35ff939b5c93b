import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage, afterLongRun } from './pages/LessonPage';

test('delivery semantics: from the index, crashes redeliver and the count goes wrong; an idempotency key fixes it', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(300_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.openLesson(
    'delivery-semantics',
    'Delivery semantics: at-most-once, at-least-once, effectively-once',
  );
  await expect(page.getByRole('heading', { name: 'A count that must be right', level: 2 })).toBeVisible();

  // The starter counts every delivery: the records redelivered after each crash count twice.
  await expect(lesson.goal('exact-count')).toContainText('✗ Not met');
  await expect(lesson.goal('exact-count')).toContainText(
    /The count is [\d,]+ for [\d,]+ messages: \d+ effects applied twice, 0 messages lost/,
  );
  const naive = await lesson.lastRun();
  expect(Number(naive?.metrics.duplicateEffects)).toBeGreaterThan(0);
  expect(naive?.metrics.duplicateEffects).toBe(naive?.metrics.duplicateDeliveries);

  // Play, pause, step.
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();
  await lesson.button('Step').click();

  // Scrub to just after the first crash (within 10% of 5 s): the consumer is down, and the
  // space-time diagram shows the batch's database commits and offset commits.
  await lesson.timeline.fill('5600');
  await expect(lesson.node('consumer')).toHaveAttribute('aria-label', /consumer down/);
  const sequence = page.locator('figure[aria-label="Space-time diagram of messages"]');
  await expect(sequence).toContainText('COMMIT ok');
  await lesson.timeline.fill('8000');
  await expect(lesson.node('consumer')).not.toHaveAttribute('aria-label', /consumer down/);
  await expect(page.getByTestId('metrics')).toContainText('duplicate deliveries');

  // The learner's edit: record the message id in the same transaction as the effect.
  const starter = await lesson.code();
  expect(starter).toContain("db.put('count', (db.get('count') ?? 0) + 1);");
  await lesson.setCode(
    starter.replace(
      "  db.put('count', (db.get('count') ?? 0) + 1);",
      [
        "  if (db.get('processed:' + message.id) !== undefined) return;",
        "  db.put('processed:' + message.id, 1);",
        "  db.put('count', (db.get('count') ?? 0) + 1);",
      ].join('\n'),
    ),
  );
  await afterLongRun(page, () =>
    page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
  );
  await expect(lesson.goal('exact-count')).toContainText('✓ Met');
  await expect(lesson.goal('exact-count')).toContainText(
    /The count is ([\d,]+) for \1 messages, through \d+ crashes/,
  );
  const fixed = await lesson.lastRun();
  expect(fixed?.metrics.duplicateEffects).toBe(0);
  expect(Number(fixed?.metrics.duplicateDeliveries)).toBeGreaterThan(0);

  // Committing before processing loses what a crash finds committed and unprocessed: no key helps.
  await afterLongRun(page, async () => {
    await page.getByLabel('Commit the offset').selectOption('before');
  });
  await expect(lesson.goal('no-lost-effect')).toContainText('✗ Not met');
  await expect(lesson.goal('exact-count')).toContainText(/\d+ messages lost/);
  await afterLongRun(page, async () => {
    await page.getByLabel('Commit the offset').selectOption('after');
  });
  await expect(lesson.goal('exact-count')).toContainText('✓ Met');

  // A database crash from the fault panel: the open transaction rolls back, the consumer starts over.
  await lesson.timeline.fill('30000');
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('database');
  await afterLongRun(page, () => faults.getByRole('button', { name: /^Add at 30/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/crash database/);
  await expect(lesson.goal('exact-count')).toContainText('✓ Met');
  await lesson.timeline.fill('30500');
  await expect(lesson.node('database')).toHaveAttribute('aria-label', /database down/);
  await lesson.timeline.fill('32000');
  await expect(lesson.node('database')).not.toHaveAttribute('aria-label', /database down/);

  // The share link carries the code, the knobs and the fault.
  expect(await lesson.shareLink()).toMatch(/#\/lesson\/delivery-semantics\?s=/);
  await page.screenshot({ path: test.info().outputPath('delivery-semantics.png'), fullPage: true });
});
