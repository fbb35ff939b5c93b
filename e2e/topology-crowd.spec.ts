import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

test('100 clients are one crowd node that opens and closes from the keyboard and the mouse', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.setKnob('Clients (clients)', '100'));
  await lesson.timeline.fill('6000');
  const crowd = lesson.crowd('100 clients');
  await expect(crowd).toBeVisible();
  await expect(crowd).toContainText('100 clients');
  await expect(crowd).toHaveAttribute('aria-expanded', 'false');
  // Its histogram: one bar per state, named with its count and category in a tooltip.
  const bars = crowd.locator('rect title');
  await expect(bars.first()).toHaveText(/^\d+ \S+ \(.+\)$/);
  const counts = (await bars.allTextContents()).map((t) => Number(t.split(' ')[0]));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
  // The accessible name adds up the same states.
  await expect(crowd).toHaveAttribute('aria-label', /^100 clients: \d+ [a-zA-Z.]+/);
  // While collapsed there is no node per client.
  await expect(lesson.node('client-20')).toHaveCount(0);

  // Enter opens it: every client is a node, and the button to group them again has the focus.
  await lesson.expandCrowd('100 clients');
  await expect(lesson.node('client-20')).toHaveCount(1);
  const regroup = page.getByRole('button', { name: 'group 100 clients' });
  await expect(regroup).toBeFocused();
  await expect(regroup).toHaveAttribute('aria-expanded', 'true');
  // Space groups them again; the crowd node gets the focus back.
  await page.keyboard.press(' ');
  await expect(crowd).toBeFocused();
  await expect(lesson.node('client-20')).toHaveCount(0);
  // A click opens it too.
  await crowd.click();
  await expect(lesson.node('client-20')).toHaveCount(1);
  await regroup.click();
  await expect(crowd).toBeVisible();
});

test('messages to the crowd end at the crowd node, and both compare panels draw their own', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.setKnob('Clients (clients)', '50'));
  await lesson.timeline.fill('6000');
  await expect(lesson.crowd('50 clients')).toBeVisible();
  // The server and the crowd are linked by one line (the members' links merged into it).
  await expect(page.locator('figure svg g.links line')).toHaveCount(1);
  await lesson.afterRun(() => lesson.button('◧ Compare').click());
  for (const panel of ['Short polling', 'Long polling'])
    await expect(lesson.crowd('50 clients', panel)).toBeVisible();
});

test('the selected actor stays out of its crowd when the crowd is grouped again', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.setKnob('Clients (clients)', '50'));
  await lesson.expandCrowd('50 clients');
  // Selected from the keyboard (nodes are buttons).
  await lesson.node('client-33').focus();
  await page.keyboard.press('Enter');
  await expect(lesson.node('client-33')).toHaveAttribute('aria-pressed', 'true');
  // Grouped again, the selected client stays a node of its own beside a crowd of the other 49.
  await page.getByRole('button', { name: 'group 50 clients' }).click();
  await expect(lesson.crowd('49 clients')).toBeVisible();
  await expect(lesson.node('client-33')).toHaveAttribute('aria-pressed', 'true');
});

test('64 shards are one crowd beside the routers and the coordinator', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open('sharding-routers');
  await lesson.afterRun(() => lesson.setKnob('Shards (shards)', '64'));
  await lesson.timeline.fill('9000');
  await expect(lesson.crowd('65 shards')).toBeVisible();
  for (const core of ['router-1', 'router-3', 'coordinator']) await expect(lesson.node(core)).toBeVisible();
});
