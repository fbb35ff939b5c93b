import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

test('a prediction is graded by a run, with the numbers behind it', async ({ page, consoleErrors: _ }) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await expect(page.getByText('Step 1 of 6')).toBeVisible();
  await lesson.button('Next →').click();
  await expect(page.getByRole('heading', { name: 'Short polling', level: 2 })).toBeVisible();
  const question = page.getByRole('group', { name: /which technique spends fewer requests/ });
  await question.getByRole('radio', { name: 'Short polling' }).check();
  await question.getByRole('button', { name: 'Check with a run' }).click();
  await expect(question.getByRole('status')).toContainText(
    /Not this time: the run says Long polling\. Short polling spent [\d.]+ requests per update/,
  );
});

test('a crash added at the current moment is part of the scenario and the run is redone', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.timeline.fill('8000');
  const faults = page.getByRole('region', { name: 'Faults' });
  await faults.getByLabel('Fault', { exact: true }).selectOption('crash');
  await faults.getByLabel('Actor', { exact: true }).selectOption('server');
  await lesson.afterRun(() => faults.getByRole('button', { name: 'Add at 8.00 s' }).click());
  await expect(faults.getByRole('listitem')).toHaveText(/at 8.00 s: crash server/);
  await page.locator('svg [role="button"]').first().click();
  await expect(page.getByTestId('actor-detail')).toContainText('server (server) is down');
  await lesson.afterRun(() => faults.getByRole('button', { name: /Remove fault/ }).click());
  await expect(page.getByTestId('actor-detail')).not.toContainText('is down');
});

test('compare runs short and long polling side by side with one goals table', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.button('◧ Compare').click());
  await expect(page.getByRole('region', { name: 'Views of Short polling' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Views of Long polling' })).toBeVisible();
  const goals = page.getByRole('region', { name: 'Goals' }).getByRole('table');
  await expect(goals.getByRole('columnheader')).toHaveText(['Goal', 'Short polling', 'Long polling']);
  // Each variant's simulated figures sit beside what theory predicts for its params.
  await expect(page.getByTestId('metrics').getByRole('columnheader')).toHaveText([
    'Metric',
    'Short polling',
    'Theory (Short polling)',
    'Long polling',
    'Theory (Long polling)',
  ]);
});

test('clicking an actor shows its state and its context at the playback moment', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(async () => {
    await page.getByLabel('Strategy').selectOption('long');
  });
  await lesson.timeline.fill('10000');
  await lesson.node('server').click();
  await expect(page.getByTestId('actor-detail')).toContainText('server');
  await page.getByText('State and context of the selected actor').click();
  await page.getByRole('button', { name: /Show context at 10/ }).click();
  const context = page.getByTestId('actor-context');
  await expect(context).toContainText('"holdTimeoutMs": 30000');
  // The requests the server holds open (by client), as data a learner can read.
  await expect(context).toContainText('"held"');
  await expect(page.locator('.actor-inspector figcaption')).toContainText(/server is (holding|idle) at 10/);
});

test('the skip link moves focus to the simulation and stays on the lesson', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main', { name: 'Simulation' })).toBeFocused();
  // The address keeps the lesson (and its state: the hash also carries the scenario).
  expect(new URL(page.url()).hash).toMatch(/^#\/lesson\/polling(\?|$)/);
  await expect(page.getByRole('heading', { name: 'Short vs long polling', level: 1 })).toBeVisible();
});
