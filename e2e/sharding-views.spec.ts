import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

/** Opens the lesson and waits for its first run (a hundred thousand keys and ~20,000 reads: slow on a shared machine). */
async function openSharding(lesson: LessonPage): Promise<void> {
  await lesson.page.goto('./#/lesson/sharding-routers');
  await lesson.page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 60_000 });
}

test('sharding-routers: the ring shows keys moving to the joining shard and the map version', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(120_000);
  const lesson = new LessonPage(page);
  await openSharding(lesson);
  const ring = page.getByRole('figure', { name: "Key space: each shard's share" });
  await lesson.timeline.fill('7000');
  await expect(ring).toContainText('100,000 keys, 16 shards');
  await expect(ring).toContainText('map v1');
  // The outer band is the ring itself: 16 shards × 100 virtual nodes, each at its hash position.
  const points = ring.locator('[data-role="ring-points"]');
  await expect(points).toHaveAttribute('data-points', '1600');
  await expect(points.locator('path')).toHaveCount(16);
  await expect(ring).toContainText('16 shards, 1,600 ring points, map v1');
  // The join starts at 8 s: keys flow while the copy lasts, and the new shard fills.
  await lesson.timeline.fill('8100');
  await expect(ring).toContainText(/[0-9]{2},[0-9]{3} keys moving/);
  await expect(ring.locator('path[style*="stroke"]').first()).toBeVisible();
  await ring.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('ring-moving.png') });
  await lesson.timeline.fill('12000');
  await expect(ring).toContainText('100,000 keys, 17 shards');
  await expect(ring).toContainText('map v2');
  // The new shard's 100 points joined the ring; the arcs in front of them changed owner.
  await expect(points).toHaveAttribute('data-points', '1700');
  await expect(points.locator('path[data-shard="s16"]')).toHaveCount(1);
  await expect(ring).toContainText('1,700 ring points, 100 changed owner');
  await expect(ring.locator('[data-role="ring-changed"]')).toHaveAttribute('data-changed', '100');
  await expect(ring.locator('[data-stale="true"]')).toHaveCount(0);
  const bars = page.getByRole('figure', { name: 'Reads per shard' });
  await expect(bars.locator('g[data-label="s16"] rect')).toHaveAttribute('height', /^[1-9]/);
});

test('sharding-routers: a router cut off from the coordination service stays stale; a crashed shard loses reads', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(150_000);
  const lesson = new LessonPage(page);
  await openSharding(lesson);
  const faults = page.getByRole('region', { name: 'Faults' });
  await lesson.timeline.fill('1000');
  await faults.getByLabel('Fault', { exact: true }).selectOption('partition');
  await faults.getByLabel('Between', { exact: true }).selectOption('router-1');
  await faults.getByLabel('And', { exact: true }).selectOption('coordinator');
  await lesson.afterRun(() => faults.getByRole('button', { name: /^Add at 1/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/partition router-1 \/ coordinator/);

  // router-1 never hears of map v2: it is marked stale on the ring, and reads it sends to the
  // old owners wait for a map that cannot come, then are lost.
  const ring = page.getByRole('figure', { name: "Key space: each shard's share" });
  await lesson.timeline.fill('15000');
  await expect(ring).toContainText('map v2');
  await expect(ring.locator('[data-stale="true"]')).toHaveText('r1 v1 stale');
  await expect(ring).toContainText('1 stale router');
  await expect(lesson.goal('no-loss')).toContainText('✗ Not met');
  await expect(lesson.goal('no-loss')).toContainText(/[1-9][0-9,]* of [0-9,]+ reads lost/);
  await ring.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('ring-stale-router.png') });

  // Crash shard-5 at 3 s as well: its bar drops to zero and is marked down.
  await lesson.timeline.fill('3000');
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('shard-5');
  await lesson.afterRun(() => faults.getByRole('button', { name: /^Add at 3/ }).click());
  await lesson.timeline.fill('5000');
  const bars = page.getByRole('figure', { name: 'Reads per shard' });
  await expect(bars).toContainText('1 down');
  await expect(bars.locator('g[data-label="s5"][data-down="true"]')).toHaveCount(1);
  await bars.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('bars-crashed-shard.png') });
});
