import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

const exec = promisify(execFile);

/** A run of a hundred thousand keys (or a million) can take a minute on a busy machine. */
const RUN_MS = 90_000;
const ready = (lesson: LessonPage) =>
  lesson.page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: RUN_MS });
async function openSharding(lesson: LessonPage): Promise<void> {
  await lesson.page.goto('./#/lesson/sharding-routers');
  await ready(lesson);
}
const runCode = (lesson: LessonPage) =>
  lesson.afterRun(
    () => lesson.page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
    RUN_MS,
  );

const NAIVE_RING =
  "      // 'hash-mod', and for now 'consistent' too: hash the key, modulo the number of shards.\n      return map.hash(key) % map.shards;";
const RING_WALK = `      if (map.router === 'consistent') {
        // First point clockwise from the key's hash (binary search), wrapping past the last one.
        const h = map.hash(key);
        let lo = 0;
        let hi = map.ringPoints.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (map.ringPoints[mid]! < h) lo = mid + 1;
          else hi = mid;
        }
        return map.ringOwners[lo === map.ringPoints.length ? 0 : lo]!;
      }
      return map.hash(key) % map.shards;`;

test('sharding-routers: from the Data topic, add a shard during the run, watch keys move, then walk the ring', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(300_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await expect(page.getByRole('heading', { name: 'Data' })).toBeVisible();
  await index.card('sharding-routers').getByRole('link', { name: 'Sharding routers' }).click();
  await ready(lesson);
  await expect(page.getByRole('heading', { name: 'Sharding routers', level: 1 })).toBeVisible();

  // The starter treats the ring as hash mod N: when shard 16 joins at 8 s, 94% of the keys move.
  await expect(lesson.goal('few-moves')).toContainText('✗ Not met');
  await expect(lesson.goal('few-moves')).toContainText('94,110 of 100,000 keys moved = 94.1%');
  await expect(lesson.goal('balanced')).toContainText('✓ Met');
  await expect(lesson.goal('no-loss')).toContainText('✓ Met');
  await expect(lesson.metric('keysMoved')).toHaveText('94,110');

  // Play a little, then pause.
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();

  // Before the join nothing is moving; just after it, the chart shows the keys still to copy.
  const moving = page.getByRole('figure', { name: 'Keys still moving to their new shard' });
  await lesson.timeline.fill('7000');
  await expect(moving).toContainText(/\b0 keys at 7 s/);
  await lesson.timeline.fill('8100');
  await expect(moving).toContainText(/\b[0-9]{2},[0-9]{3} keys at 8\.1 s/);
  await expect(lesson.node('shard-16')).toHaveAttribute('aria-label', 'shard-16 receiving (shard)');
  // Every donor sends keys to every other shard (mod 17 reshuffles almost everything): hundreds of
  // transfers in flight while the copy lasts.
  await expect(lesson.inFlight).toContainText(/\b[1-9][0-9]{2,} messages in flight/);
  await page.screenshot({ path: 'test-results/sharding-routers-moving.png' });

  // No shard joining: nothing moves. Then the shard joins earlier, at 4 s.
  const addAt = 'Add a shard at (ms)';
  await lesson.afterRun(() => lesson.setKnob(addAt, '0'), RUN_MS);
  await expect(lesson.metric('keysMoved')).toHaveText('0');
  await expect(lesson.goal('few-moves')).toContainText('No shard joined in this run');
  await lesson.afterRun(() => lesson.setKnob(addAt, '4000'), RUN_MS);
  await expect(lesson.metric('keysMoved')).toHaveText(/^9[0-9],[0-9]{3}$/);
  await expect(lesson.goal('few-moves')).toContainText('✗ Not met');

  // The learner's edit: walk the ring. Only the new shard's arcs move now, about 1/17 of the keys.
  const starter = await lesson.code();
  expect(starter).toContain(NAIVE_RING);
  await lesson.setCode(starter.replace(NAIVE_RING, RING_WALK));
  await runCode(lesson);
  await expect(lesson.goal('few-moves')).toContainText('✓ Met');
  await expect(lesson.goal('few-moves')).toContainText(
    /[0-9],[0-9]{3} of 100,000 keys moved = [4-8]\.[0-9]+%/,
  );
  await expect(lesson.goal('no-loss')).toContainText('✓ Met');
  const run = await lesson.lastRun();
  expect(run?.goals.every((g) => g.passed)).toBe(true);
  expect(Number(run?.metrics.keysMovedFraction)).toBeLessThan(1.5 / 17);

  await lesson.timeline.fill('4030');
  await page.screenshot({ path: 'test-results/sharding-routers.png' });
  // The lower views: routers on an old map, read latency, and the router's statechart.
  const staleChart = page.getByRole('figure', { name: 'Routers holding an old map' });
  await staleChart.scrollIntoViewIfNeeded();
  await expect(staleChart).toBeVisible();
  await page.screenshot({ path: 'test-results/sharding-routers-views.png' });
  await page.getByRole('figure', { name: 'Read latency' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/sharding-routers-latency.png' });
});

const REDEAL_CHUNKS = '  return { chunkOwners: Array.from(map.chunkOwners, (_, c) => c % (newShard + 1)) };';
const FAIR_SHARE = `  const owners = Array.from(map.chunkOwners);
  const held = new Array<number>(newShard + 1).fill(0);
  for (const o of owners) held[o]!++;
  for (let t = 0; t < Math.floor(owners.length / (newShard + 1)); t++) {
    let donor = 0;
    for (let s = 1; s < newShard; s++) if (held[s]! > held[donor]!) donor = s;
    owners[owners.lastIndexOf(donor)] = newShard;
    held[donor]!--;
    held[newShard]!++;
  }
  return { chunkOwners: owners };`;

test('sharding-routers: the directory plan re-deals every chunk; taking only the fair share meets the goal', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(300_000);
  const lesson = new LessonPage(page);
  await openSharding(lesson);
  await lesson.afterRun(() => page.getByLabel('Router', { exact: true }).selectOption('directory'), RUN_MS);
  // The starter's plan deals the 4,096 chunks round-robin over 17 shards: almost all move.
  await expect(lesson.goal('few-moves')).toContainText('✗ Not met');
  await expect(lesson.goal('few-moves')).toContainText(
    /9[0-9],[0-9]{3} of 100,000 keys moved = 9[0-9]\.[0-9]+%/,
  );
  const ring = page.getByRole('figure', { name: "Key space: each shard's share" });
  await lesson.timeline.fill('15000');
  await expect(ring).toContainText(/4,096 chunks, 3,[0-9]{3} changed owner/);

  const starter = await lesson.code();
  expect(starter).toContain(REDEAL_CHUNKS);
  await lesson.setCode(starter.replace(REDEAL_CHUNKS, FAIR_SHARE));
  await runCode(lesson);
  await expect(lesson.goal('few-moves')).toContainText('✓ Met');
  await expect(lesson.goal('few-moves')).toContainText('5,974 of 100,000 keys moved = 5.97%');
  await expect(lesson.goal('no-loss')).toContainText('✓ Met');
  // The ring marks exactly the 240 chunks (⌊4096/17⌋) the new shard took.
  await lesson.timeline.fill('15000');
  await expect(ring).toContainText('4,096 chunks, 240 changed owner');
  await expect(ring.locator('[data-role="ring-changed"]')).toHaveAttribute('data-changed', '240');
  await ring.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('ring-directory-plan.png') });
});

test('sharding-routers: the default scenario gives the same metrics in the browser as npm run sim', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(300_000);
  const [node] = await Promise.all([
    exec('node', ['scripts/run-ts.mjs', 'src/cli/sim.ts', 'sharding-routers', '--json'], {
      maxBuffer: 16 * 1024 * 1024,
    }).then((r) => JSON.parse(r.stdout) as { metrics: unknown }),
    openSharding(new LessonPage(page)),
  ]);
  const browser = await new LessonPage(page).lastRun();
  expect(JSON.stringify(browser?.metrics)).toBe(JSON.stringify(node.metrics));
});

test('sharding-routers: a million keys on 64 shards runs in the page', async ({ page, consoleErrors: _ }) => {
  test.setTimeout(300_000);
  const lesson = new LessonPage(page);
  await openSharding(lesson);
  await lesson.afterRun(() => lesson.setKnob('Shards (shards)', '64'), RUN_MS);
  await lesson.afterRun(() => lesson.setKnob('Keys (keys)', '1000000'), RUN_MS);
  await expect(lesson.goal('few-moves')).toContainText(/[0-9,]+ of 1,000,000 keys moved = 98\.[0-9]+%/);
  await expect(lesson.metric('shardsAtEnd')).toHaveText('65');
});
