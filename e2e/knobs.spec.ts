import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

test('changing a knob reruns the simulation and the metrics change', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const before = await lesson.metric('requests').textContent();
  await lesson.afterRun(() => lesson.setKnob('Clients (clients)', '100'));
  await expect(lesson.metric('requests')).not.toHaveText(before!);
  const run = await lesson.lastRun();
  expect(Number(run?.metrics.requests)).toBeGreaterThan(Number(before!.replace(/,/g, '')) * 3);

  // Long polling holds one request per client open on the server.
  await lesson.afterRun(async () => {
    await page.getByLabel('Strategy').selectOption('long');
  });
  await expect(lesson.metric('openRequestsMax')).toHaveText('100');
});
