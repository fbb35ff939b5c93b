import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

async function seriousViolations(page: import('@playwright/test').Page) {
  // Monaco is third-party and draws code with its own decorations (faded unused names);
  // its accessibility is Monaco's. Everything else, views included, is checked.
  const results = await new AxeBuilder({ page }).exclude('.monaco-editor').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the index has no serious accessibility violations', async ({ page, consoleErrors: _ }) => {
  await new IndexPage(page).open();
  await expect(page.getByRole('link', { name: 'Short vs long polling' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the lesson page has no serious accessibility violations and named controls', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  for (const name of ['Play', 'Step', 'Restart', 'Share', 'Run', 'Reset'])
    await expect(lesson.button(name).first()).toBeVisible();
  await page.waitForTimeout(1500); // let the editor and views settle
  expect(await seriousViolations(page)).toEqual([]);
});
