import { expect, test, watchErrors } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

/** The learner's fix of `replay`: resend what the tab missed, from its Last-Event-ID on. */
function withReplay(starter: string): string {
  const before = 'return []; // every stream starts with the next live event';
  expect(starter).toContain(before);
  return starter.replace(
    before,
    [
      'const last = request.lastEventId;',
      '  if (last === null) return [];',
      '  return request.recent.filter((e) => e.id > last);',
    ].join('\n'),
  );
}

test('server-sent events: from the index, replay the run through the restart, fix the gaps with a replay', async ({
  page,
  consoleErrors: _,
}) => {
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.card('sse').getByRole('link', { name: 'Server-sent events' }).click();
  await lesson.waitReady();

  // Title, the first narrative step and both goals, failing with the starter.
  await expect(page.getByRole('heading', { name: 'Server-sent events', level: 1 })).toBeVisible();
  await expect(page.getByText('Step 1 of 7')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A response that never ends', level: 2 })).toBeVisible();
  await expect(lesson.goal('no-gaps')).toContainText('Every tab gets every event exactly once');
  await expect(lesson.goal('no-gaps')).toContainText('✗ Not met');
  await expect(lesson.goal('no-gaps')).toContainText(/[1-9][\d,]* events lost and 0 duplicated/);
  await expect(lesson.goal('no-storm')).toContainText('✗ Not met');
  await expect(lesson.goal('no-storm')).toContainText(
    /Peak \d+ reconnects within one second > 40 stream setups/,
  );

  // Play moves time and the topology's tabs leave their first state; pause holds it.
  await expect(lesson.time).toHaveText('0 ms / 1 min 0.0 s');
  await expect(lesson.node('server')).toHaveAttribute('aria-label', 'server idle (server)');
  // 80 tabs are one crowd node until opened; then each tab is a node of its own.
  await expect(lesson.crowd('80 clients')).toBeVisible();
  await lesson.expandCrowd('80 clients');
  const firstTab = lesson.node('b1-tab1');
  const tabAtStart = await firstTab.getAttribute('aria-label');
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await expect(firstTab).not.toHaveAttribute('aria-label', tabAtStart!);
  await lesson.button('Pause').click();
  await expect(lesson.button('Play')).toBeVisible();

  // Step goes to the next event.
  const paused = await lesson.t();
  await lesson.button('Step').click();
  await expect.poll(() => lesson.t()).toBeGreaterThan(paused);

  // Just after the restart at 30 s the server is down and every stream is gone.
  await lesson.timeline.fill('30500');
  await expect(lesson.time).toHaveText('30.500 s / 1 min 0.0 s');
  await expect(lesson.node('server')).toHaveAttribute('aria-label', 'server down (server)');
  await expect(firstTab).toHaveAttribute('aria-label', 'b1-tab1 waiting (client)');
  await expect(page.getByRole('figure', { name: /Open connections to the server/ })).toContainText(
    '0 connections at 30.5 s',
  );

  // The learner's edit: replay what a reconnecting tab missed. The gaps goal flips; the storm remains.
  await lesson.setCode(withReplay(await lesson.code()));
  await lesson.run();
  await expect(lesson.goal('no-gaps')).toContainText('✓ Met');
  await expect(lesson.goal('no-gaps')).not.toContainText('Not met');
  await expect(lesson.goal('no-gaps')).toContainText(
    / 0 events lost and 0 duplicated; [\d,]+ delivered, [1-9][\d,]* of them replayed, over [\d,]+ reconnects\./,
  );
  await expect(lesson.goal('no-storm')).toContainText('✗ Not met');
  const run = await lesson.lastRun();
  expect(run?.goals.map((g) => [g.id, g.passed])).toEqual([
    ['no-gaps', true],
    ['no-storm', false],
  ]);
  expect(run?.diagnostics).toEqual([]);
});

test('server-sent events: a share link reopens the edited run with the same metrics and moment', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open('sse');
  await lesson.afterRun(() => lesson.setKnob('Tabs per browser (tabs)', '8'));
  await lesson.setCode(withReplay(await lesson.code()));
  await lesson.run();
  await lesson.timeline.fill('31000');
  const metrics = (await lesson.lastRun())?.metrics;
  expect(metrics?.pendingStreamsMax).toBeGreaterThan(0); // 8 tabs > 6 connections per browser
  const time = await lesson.time.textContent();
  const link = await lesson.shareLink();
  expect(link).toMatch(/#\/lesson\/sse\?s=/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  await watchErrors(other, errors);
  const reopened = new LessonPage(other);
  await other.goto(link);
  await reopened.waitReady();
  expect((await reopened.lastRun())?.metrics).toEqual(metrics);
  await expect(reopened.time).toHaveText(time!);
  await expect(other.getByRole('spinbutton', { name: 'Tabs per browser (tabs)' })).toHaveValue('8');
  expect(await reopened.code()).toContain('request.recent.filter((e) => e.id > last)');
  // 8 tabs on HTTP/1.1's 6 connections: two tabs wait, and the events they miss count as lost.
  await expect(reopened.goal('no-gaps')).toContainText('✗ Not met');
  await expect(reopened.goal('no-gaps')).toContainText(/tabs were still waiting for a connection/);
  expect(errors).toEqual([]);
  await fresh.close();
});
