import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage, afterLongRun } from './pages/LessonPage';

test('message stream: from the index, fix the partitioner and the assignor, crash a consumer and watch its group rebalance', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(420_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await expect(page.getByRole('heading', { name: 'Messaging' })).toBeVisible();
  await index.openLesson('message-stream', 'Message streams: partitions and consumer groups');
  await expect(page.getByRole('heading', { name: 'One log, many readers', level: 2 })).toBeVisible();

  // The starter: round-robin breaks each author's order; partition i to member i orphans one after the crash.
  await expect(lesson.goal('ordered')).toContainText('✗ Not met');
  await expect(lesson.goal('ordered')).toContainText(
    /[\d,]+ records \(blog-count\) and [\d,]+ \(search-indexing\)/,
  );
  await expect(lesson.goal('all-owned')).toContainText('✗ Not met');

  // The logs view: one bar per partition, both groups' committed offsets and their lag.
  const logs = page.locator('figure[aria-label^="Topic"] svg').first();
  await lesson.timeline.fill('60000');
  await expect(logs).toHaveAttribute(
    'aria-label',
    /at 1 min: p0 offsets [\d,]+–[\d,]+, blog-count lag \d+, search-indexing lag \d+; p1/,
  );
  await expect(logs).not.toHaveAttribute('aria-label', /p4 /);

  // The learner's fix: partition by the author's hash, assign ranges of partitions.
  const starter = await lesson.code();
  expect(starter).toContain('return record.sequence % partitions;');
  const fixed = starter
    .replace('return record.sequence % partitions;', 'return record.hash(record.key) % partitions;')
    .replace(
      'return members.map((_, i) => (i < partitions ? [i] : []));',
      'return members.map((_, i) => Array.from({ length: partitions }, (_, p) => p).filter((p) => p % members.length === i));',
    );
  await lesson.setCode(fixed);
  await afterLongRun(page, () =>
    page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
  );
  await expect(lesson.goal('ordered')).toContainText('✓ Met');
  await expect(lesson.goal('ordered')).toContainText(/0 records out of order/);
  await expect(lesson.goal('all-owned')).toContainText('✓ Met');
  const before = await lesson.lastRun();
  expect(before?.metrics.blogRebalances).toBe(0);

  // Crash blog-1 from the fault panel at 30 s: its group evicts it after the session timeout and rebalances.
  await lesson.timeline.fill('30000');
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('blog-1');
  await afterLongRun(page, () => faults.getByRole('button', { name: /^Add at 30/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/crash blog-1/);
  const after = await lesson.lastRun();
  expect(after?.metrics.blogRebalances).toBe(1);
  expect(after?.metrics.searchRebalances).toBe(2);

  await lesson.timeline.fill('35000');
  await expect(lesson.node('blog-1')).toHaveAttribute('aria-label', /blog-1 down/);
  // Somewhere between 10 and 15 s after the crash the coordinator holds the group still.
  let seen = -1;
  for (let t = 39_000; t <= 45_000 && seen < 0; t += 500) {
    await lesson.timeline.fill(String(t));
    const label = (await lesson.node('coordinator-blog').getAttribute('aria-label')) ?? '';
    if (/rebalancing/.test(label)) seen = t;
  }
  expect(seen, 'coordinator-blog seen rebalancing').toBeGreaterThan(0);
  await expect(lesson.node('blog-2')).toHaveAttribute('aria-label', /blog-2 syncingGroup/);
  await expect(page.getByRole('img', { name: /Groups rebalancing.*: 1 groups? at/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('message-stream-rebalance.png') });

  // After the rebalance the three survivors hold all four partitions and the group goes on.
  await lesson.timeline.fill(String(seen + 4000));
  await expect(lesson.node('blog-2')).toHaveAttribute('aria-label', /blog-2 fetching/);
  await expect(lesson.goal('all-owned')).toContainText('✓ Met');

  // The share link carries the code and the fault: opened afresh, it gives the same run.
  const link = await lesson.shareLink();
  const other = await page.context().newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });
  const again = await new LessonPage(other).lastRun();
  expect(JSON.stringify(again?.metrics)).toBe(JSON.stringify(after?.metrics));
  await other.close();

  // Six consumers per group for four partitions: two idle in search-indexing, one in blog-count
  // (whose blog-1 is still down, as the fault panel left it).
  await afterLongRun(page, () => lesson.setKnob('Consumers per group', '6'));
  const six = await lesson.lastRun();
  expect(six?.metrics.idleConsumers).toBe(3);
  await expect(lesson.goal('all-owned')).toContainText('6 consumers per group');
});

test('message stream: the lesson page, its logs view included, has no serious accessibility violations', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(180_000);
  await page.goto('./#/lesson/message-stream');
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });
  await new LessonPage(page).timeline.fill('52000');
  await expect(page.locator('figure[aria-label^="Topic"] svg').first()).toHaveAttribute(
    'aria-label',
    /at 52 s: p0/,
  );
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious).toEqual([]);
});
