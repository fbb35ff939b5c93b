import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

test('Run 20 seeds shows each goal’s pass rate and each metric’s spread, and a link carries it', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const seeds = page.getByRole('region', { name: 'Many seeds' }).or(page.locator('section.seeds'));
  await lesson.button('Run 20 seeds').click();
  // The page keeps answering while the seeds run in the background.
  await expect(seeds.getByRole('progressbar', { name: 'Seeds done' })).toBeVisible();
  await lesson.button('Next →').click();
  await expect(page.getByText('Step 2 of')).toBeVisible({ timeout: 1000 });

  const status = page.getByTestId('seeds-status');
  await expect(status).toHaveText('Seeds 1–20: 20 of 20 runs.', { timeout: 120_000 });
  const fresh = page.getByTestId('seed-goals').locator('[data-goal="fresh"]');
  await expect(fresh).toContainText(/\d+ of 20 seeds \(\d+%\)/);
  const requests = page.getByTestId('seed-metrics').locator('[data-metric="requests"]');
  await expect(requests.getByRole('img')).toHaveAttribute(
    'aria-label',
    /requests: median [\d,]+, from [\d,]+ to [\d,]+ over 20 seeds/,
  );
  await expect(requests.locator('circle')).toHaveCount(20);

  const link = await lesson.shareLink();
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByTestId('seeds-status')).toHaveText('Seeds 1–20: 20 of 20 runs.', {
    timeout: 120_000,
  });
  await expect(other.getByTestId('seed-goals').locator('[data-goal="fresh"]')).toHaveText(
    (await fresh.textContent())!,
  );
  await context.close();
});

test('the metrics table shows theory beside the simulation, agreeing for the reference solution', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(async () => {
    await page.getByLabel('Strategy').selectOption('long');
  });
  await lesson.setCode(readFileSync('lessons/polling/solution.ts', 'utf8'));
  await lesson.run();
  const table = page.getByTestId('metrics');
  await expect(table.getByRole('columnheader', { name: 'Theory' })).toBeVisible();
  const claims = table.locator('details.theory');
  expect(await claims.count()).toBeGreaterThan(0);
  await expect(claims.first()).toContainText('≈ agrees');
  await expect(table.locator('details.theory[data-agrees="false"]')).toHaveCount(0);
  // The derivation is one click away.
  await claims.first().locator('summary').click();
  await expect(claims.first().locator('.help')).toBeVisible();
});
