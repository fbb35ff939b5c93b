import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

test('websockets: from the index, watch the handshake and the dead peer, then find it with a heartbeat', async ({
  page,
  consoleErrors: _,
}) => {
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.card('websockets').getByRole('link', { name: 'WebSockets' }).click();
  await lesson.waitReady();

  // Title, the first narrative step and the three goals (the starter fails the first two).
  await expect(page.getByRole('heading', { name: 'WebSockets', level: 1 })).toBeVisible();
  await expect(page.getByText('Step 1 of 8')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'A room that stays open', level: 2 })).toBeVisible();
  await expect(lesson.goal('detect-dead')).toContainText(
    'The server lets go of a silently dead client within 15 s',
  );
  await expect(lesson.goal('detect-dead')).toContainText('✗ Not met');
  await expect(lesson.goal('detect-dead')).toContainText(
    "client-1's network vanished at 20 s and the server still held its connection 40 s later",
  );
  await expect(lesson.goal('bounded-memory')).toContainText('✗ Not met');
  await expect(lesson.goal('healthy-lossless')).toContainText('✓ Met');

  // Stepping from the start reaches the opening handshake: the server's first message is a SYN.
  await expect(lesson.time).toHaveText('0 ms / 1 min 0.0 s');
  await expect(lesson.node('client-1')).toHaveAttribute('aria-label', 'client-1 pageLoading (client)');
  await lesson.node('server').click();
  await expect(page.getByTestId('actor-detail')).toContainText(
    'server (server) is serving: sent 0, received 0',
  );
  const detail = page.getByTestId('actor-detail');
  for (let i = 0; i < 30 && (await detail.textContent())?.includes('received 0'); i++) {
    // The status line names the moment, so once it changed the actor detail beside it is current too.
    const before = await lesson.inFlight.textContent();
    await lesson.button('Step').click();
    await expect(lesson.inFlight).not.toHaveText(before!);
  }
  await expect(detail).toContainText(/received 1, last message “got "SYN" from client-\d+”/);
  expect(await lesson.t()).toBeGreaterThan(0);

  // Play: time moves and client-1 completes its handshake (CONNECTING, then OPEN).
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await expect(lesson.node('client-1')).toHaveAttribute('aria-label', 'client-1 OPEN (client)');
  await lesson.button('Pause').click();
  await expect(lesson.button('Play')).toBeVisible();

  // After client-1's network vanished at 20 s, the starter's server still holds all 10 connections.
  await lesson.timeline.fill('35000');
  await expect(lesson.time).toHaveText('35.000 s / 1 min 0.0 s');
  await expect(lesson.node('client-1')).toHaveAttribute('aria-label', 'client-1 OPEN (client)');
  const connections = page.getByRole('figure', { name: 'Open connections on the server' });
  await expect(connections).toContainText('10 connections at 35 s');

  // The learner's edit: turn the heartbeat on (ping every 5 s, give up after 2 missed pongs).
  const starter = await lesson.code();
  const noPings = 'return { pingIntervalMs: null, missedPongsAllowed: 1 };';
  expect(starter).toContain(noPings);
  await lesson.setCode(starter.replace(noPings, 'return { pingIntervalMs: 5000, missedPongsAllowed: 2 };'));
  await lesson.run();
  await expect(lesson.goal('detect-dead')).toContainText('✓ Met');
  await expect(lesson.goal('detect-dead')).not.toContainText('Not met');
  await expect(lesson.goal('detect-dead')).toContainText(
    "The dead client's connection was closed 10 s after its network vanished (≤ 15 s).",
  );
  // The memory goal needs a broadcast policy too; the healthy tabs are still fine.
  await expect(lesson.goal('bounded-memory')).toContainText('✗ Not met');
  await expect(lesson.goal('healthy-lossless')).toContainText('✓ Met');
  // And the chart shows the server has let go of client-1.
  await expect(connections).toContainText(/\b[1-9] connections at 35 s/);
  const run = await lesson.lastRun();
  expect(run?.goals.map((g) => [g.id, g.passed])).toEqual([
    ['detect-dead', true],
    ['bounded-memory', false],
    ['healthy-lossless', true],
  ]);
  expect(run?.metrics.deadPeersDetected).toBe(1);
});
