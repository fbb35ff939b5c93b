import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

const SCATTER_ALL = `  const all: number[] = [];
  for (let s = 0; s < cluster.shards; s++) all.push(s);
  return { kind: 'shards', shards: all };
}`;
const PLANNED = `  if (query.by === 'userId') return { kind: 'shards', shards: [cluster.shardOf(query.userId)] };
  if (cluster.globalIndex) return { kind: 'index' };
  const all: number[] = [];
  for (let s = 0; s < cluster.shards; s++) all.push(s);
  return { kind: 'shards', shards: all };
}`;

test('cross-shard-queries: from the Data topic, plan the queries, then crash a shard', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(150_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.openLesson('cross-shard-queries', 'Cross-shard queries and secondary indexes');

  // The starter asks all 16 shards for every query: the fan-out and the tail are over the goals.
  await expect(lesson.goal('targeted')).toContainText('✗ Not met');
  await expect(lesson.goal('targeted')).toContainText('16 per query > 2 (16 shards)');
  await expect(lesson.goal('fast')).toContainText('✗ Not met');
  await expect(lesson.goal('complete')).toContainText('✓ Met');

  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();
  const bars = page.getByRole('figure', { name: 'Load per shard' });
  await lesson.timeline.fill('5000');
  // Every shard does every query: all sixteen bars near half busy.
  await expect(bars).toContainText(/busiest s[0-9]+ [4-7][0-9] % busy/);
  await page.screenshot({ path: test.info().outputPath('cross-shard-starter.png') });

  // The learner's planner: one shard by id, the global index by email.
  const starter = await lesson.code();
  expect(starter).toContain(SCATTER_ALL);
  await lesson.setCode(starter.replace(SCATTER_ALL, PLANNED));
  await lesson.run();
  await expect(lesson.goal('targeted')).toContainText('✓ Met');
  await expect(lesson.goal('targeted')).toContainText(/1\.[45][0-9]* per query ≤ 2/);
  await expect(lesson.goal('fast')).toContainText('✓ Met');
  await expect(lesson.goal('fresh')).toContainText(/✓ Met[\s\S]*index reads stale = [0-2]\.[0-9]+%/);
  const run = await lesson.lastRun();
  expect(run?.goals.every((g) => g.passed)).toBe(true);
  await lesson.timeline.fill('5000');
  await expect(bars).toContainText(/busiest s[0-9]+ [0-9]{1,2} % busy/);

  // Crash shard-3 at 5 s: its users' queries fail; its bar is marked down.
  await lesson.timeline.fill('5000');
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('shard-3');
  await lesson.afterRun(() => faults.getByRole('button', { name: /^Add at 5/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/crash shard-3/);
  await expect(lesson.goal('complete')).toContainText('✗ Not met');
  await expect(lesson.goal('complete')).toContainText(/[1-9][0-9,]* failed/);
  await lesson.timeline.fill('8000');
  await expect(bars).toContainText('1 down');
  await expect(bars.locator('g[data-label="s3"][data-down="true"]')).toHaveCount(1);
  await bars.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('cross-shard-crash.png') });

  // Local indexes instead: every email query asks shard-3, so many more fail.
  const failedIndexed = Number((await lesson.lastRun())?.metrics.queriesFailed);
  await lesson.afterRun(async () => {
    await page.getByLabel('Secondary index').selectOption('scatter');
  });
  const failedScatter = Number((await lesson.lastRun())?.metrics.queriesFailed);
  expect(failedScatter).toBeGreaterThan(3 * failedIndexed);

  // The share link carries the scenario (knobs, fault, code).
  expect(await lesson.shareLink()).toMatch(/#\/lesson\/cross-shard-queries\?s=/);
});
