import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage, afterLongRun } from './pages/LessonPage';
import { pixelsOfColour } from './canvas-colour';

/** The session rule: a follower that has applied the user's last write and all they have read, else the leader. */
const ROUTE_BY_POSITION = `export function chooseReplica(request: ReadRequest, session: Session, replicas: readonly Replica[]): number {
  const needed = Math.max(session.lastWritePosition, session.lastReadPosition);
  const ok = replicas.find((r) => r.role === 'follower' && r.up && r.appliedPosition >= needed);
  if (ok) return ok.index;
  return Math.max(0, replicas.findIndex((r) => r.role === 'leader'));
}`;

test('replication lag: from the index, see your own update vanish, route by log position, and lose nothing on failover', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  test.setTimeout(420_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await expect(page.getByRole('heading', { name: 'Data' })).toBeVisible();
  await index.openLesson('replication-lag', 'Replication lag: read-your-writes and friends');
  await expect(page.getByRole('heading', { name: 'One leader, many readers', level: 2 })).toBeVisible();

  // The starter reads round-robin from asynchronous followers: users see their old profile after saving.
  await expect(lesson.goal('read-your-writes')).toContainText('✗ Not met');
  await expect(lesson.goal('read-your-writes')).toContainText(
    /[\d,]+ reads showed a user an older profile than the update they had just saved/,
  );
  await expect(lesson.goal('monotonic-reads')).toContainText('✗ Not met');
  await expect(lesson.goal('no-acked-loss')).toContainText(
    /✗ Not met[\s\S]*[\d,]+ acknowledged writes were lost/,
  );
  await expect(lesson.goal('fast-writes')).toContainText('✓ Met');
  const starterRun = await lesson.lastRun();
  expect(Number(starterRun?.metrics.readYourWritesViolations)).toBeGreaterThan(100);

  // Play: time moves; the leader and followers are on the topology; the logs view shows the lag.
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await lesson.button('Pause').click();
  await expect(lesson.node('db-0')).toBeVisible();
  await expect(lesson.node('db-3')).toBeVisible();
  await lesson.timeline.fill('19500');
  await expect(page.locator('figure svg[aria-label^="Behind the leader"]')).toHaveAttribute(
    'aria-label',
    /db-1 offsets 0–[\d,]+, received lag [\d,]+, applied lag [\d,]+/,
  );

  // The anomalies as they happen: answers coloured by what they broke, and the sessions' last writes on the logs.
  const sequence = page
    .locator('figure')
    .filter({ has: page.locator('svg[aria-label^="Sequence diagram"]') });
  const topology = page.locator('figure').filter({ has: page.locator('svg[aria-label^="Topology"]') });
  const logs = page.locator('figure').filter({ has: page.locator('svg[aria-label^="Behind the leader"]') });
  await sequence.scrollIntoViewIfNeeded();
  await lesson.timeline.fill('4000');
  // The diagram is painted on a canvas; its description lists the labelled messages.
  await expect(sequence.locator('svg desc')).toContainText(/⚠ not your write/);
  const canvas = sequence.locator('canvas').first();
  // Drawn red (the --bad colour), not in the request/reply colours; fresh answers green.
  await expect.poll(() => pixelsOfColour(canvas, 'var(--bad)')).toBeGreaterThan(20);
  await expect.poll(() => pixelsOfColour(canvas, 'var(--ok)')).toBeGreaterThan(20);
  // The legend says what the colours mean.
  await expect(topology.locator('[data-tone="bad"]')).toContainText('not your write / back in time');
  await expect(topology.locator('[data-tone="warn"]')).toContainText('stale read');
  await expect(topology.locator('[data-tone="ok"]')).toContainText('fresh read');
  // Each shown session's last write crosses the logs, red where a follower has not applied it.
  await logs.scrollIntoViewIfNeeded();
  await expect(logs.locator('[data-marker]')).toHaveCount(3);
  await expect(logs.getByText('not applied: stale there')).toBeVisible();
  await expect(logs.locator('[data-marker="u0"]')).toContainText('u0');
  await page.screenshot({ path: test.info().outputPath('replication-lag-anomalies.png') });

  // The fix in code: route by log position, and acknowledge a write only once a follower has it.
  const starter = await lesson.code();
  const start = starter.indexOf('export function chooseReplica');
  const end = starter.indexOf('// Called for every write');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  await lesson.setCode(
    (starter.slice(0, start) + ROUTE_BY_POSITION + '\n\n' + starter.slice(end)).replace(
      'return settings.mode;',
      "return 'semi-sync';",
    ),
  );
  await afterLongRun(page, () =>
    page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
  );
  await expect(lesson.goal('read-your-writes')).toContainText('✓ Met');
  await expect(lesson.goal('read-your-writes')).toContainText(
    /^[\s\S]*0 reads showed a user an older profile/,
  );
  await expect(lesson.goal('monotonic-reads')).toContainText('✓ Met');
  await expect(lesson.goal('no-acked-loss')).toContainText(/✓ Met[\s\S]*0 acknowledged writes were lost/);
  const fixed = await lesson.lastRun();
  expect(fixed?.metrics.readYourWritesViolations).toBe(0);
  // No answer is drawn red any more; fresh ones still are green.
  await sequence.scrollIntoViewIfNeeded();
  await lesson.timeline.fill('4000');
  await expect.poll(() => pixelsOfColour(canvas, 'var(--ok)')).toBeGreaterThan(20);
  expect(await pixelsOfColour(canvas, 'var(--bad)')).toBe(0);
  expect(fixed?.metrics.acknowledgedWritesLost).toBe(0);

  // A fault from the panel: crash a follower at 5 s. Semi-sync needs one follower's receipt, so writes go on.
  await lesson.timeline.fill('5000');
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('db-2');
  await afterLongRun(page, () => faults.getByRole('button', { name: /^Add at 5/ }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/crash db-2/);
  const crashed = await lesson.lastRun();
  expect(Number(crashed?.metrics.writesAcknowledged)).toBeGreaterThan(
    Number(fixed?.metrics.writesAcknowledged) - 20,
  );
  expect(crashed?.metrics.acknowledgedWritesLost).toBe(0);
  await lesson.timeline.fill('8000');
  await expect(lesson.node('db-2')).toHaveAttribute('aria-label', /db-2 down/);
  await page.screenshot({ path: test.info().outputPath('replication-lag-after-fix.png') });

  // The share link carries the code, the fault and the knobs: another browser sees the same run.
  const link = await lesson.shareLink();
  const other = await (await browser.newContext()).newPage();
  await other.goto(link);
  await other.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });
  const reader = new LessonPage(other);
  await expect(reader.goal('read-your-writes')).toContainText('✓ Met');
  const shared = await reader.lastRun();
  expect(shared?.metrics.writesAcknowledged).toBe(crashed?.metrics.writesAcknowledged);
  expect(shared?.metrics.readsAnswered).toBe(crashed?.metrics.readsAnswered);
});
