import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

test('choosing a real-time technique: from the index, play the three features, move the chat to a WebSocket', async ({
  page,
  consoleErrors: _,
}) => {
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.card('realtime-compare').getByRole('link', { name: 'Choosing a real-time technique' }).click();
  await lesson.waitReady();

  // Title, the first narrative step and the goals; short polling everywhere fails the chat goals.
  await expect(page.getByRole('heading', { name: 'Choosing a real-time technique', level: 1 })).toBeVisible();
  await expect(page.getByText('Step 1 of 9')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Three features, one app', level: 2 })).toBeVisible();
  await expect(lesson.goal('ticker-fresh')).toContainText('✓ Met');
  await expect(lesson.goal('chat-upstream')).toContainText(
    'Sending a chat message costs at most 64 bytes of overhead',
  );
  await expect(lesson.goal('chat-upstream')).toContainText('✗ Not met');
  await expect(lesson.goal('chat-upstream')).toContainText(
    /chat over short polling: [\d,]+ messages sent with 800 bytes of headers or framing each > 64 B\./,
  );
  await expect(lesson.goal('chat-fresh')).toContainText('✗ Not met');

  // Play: time moves and a ticker page alternates between asking and waiting.
  await expect(lesson.time).toHaveText(/^0 ms \//);
  const tickerPage = lesson.node('user-1-ticker');
  const atStart = await tickerPage.getAttribute('aria-label');
  await lesson.button('Play').click();
  await expect(lesson.time).not.toHaveText(/^0 ms/);
  await expect(tickerPage).not.toHaveAttribute('aria-label', atStart!);
  await lesson.button('Pause').click();
  await expect(lesson.button('Play')).toBeVisible();

  // Step moves to the next event, and the status line follows.
  const before = await lesson.t();
  const line = await lesson.inFlight.textContent();
  await lesson.button('Step').click();
  await expect.poll(() => lesson.t()).toBeGreaterThan(before);
  await expect(lesson.inFlight).not.toHaveText(line!);

  // The learner's edit: the chat, where pages talk too, goes over a WebSocket.
  const starter = await lesson.code();
  const fallback = "  return 'short';";
  expect(starter).toContain(fallback);
  await lesson.setCode(
    starter.replace(fallback, `  if (workload.name === 'chat') return 'websocket';\n${fallback}`),
  );
  await lesson.run();
  await expect(lesson.goal('chat-upstream')).toContainText('✓ Met');
  await expect(lesson.goal('chat-upstream')).not.toContainText('Not met');
  await expect(lesson.goal('chat-upstream')).toContainText(
    /chat over WebSockets: [\d,]+ messages sent with 8 bytes of headers or framing each ≤ 64 B\./,
  );
  await expect(lesson.goal('chat-fresh')).toContainText('✓ Met');
  // The ticker still pays a request's headers per update.
  await expect(lesson.goal('ticker-lean')).toContainText('✗ Not met');
  const run = await lesson.lastRun();
  expect(run?.goals.filter((g) => !g.passed).map((g) => g.id)).toEqual(['ticker-lean']);
  expect(run?.diagnostics).toEqual([]);
});
