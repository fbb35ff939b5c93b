import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

test('the index lists the polling lesson by topic, with its progress', async ({ page, consoleErrors: _ }) => {
  const index = new IndexPage(page);
  await index.open();
  await expect(page.getByRole('heading', { name: 'System Design Playground', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Talking to clients' })).toBeVisible();
  await expect(index.card('polling').getByRole('link', { name: 'Short vs long polling' })).toBeVisible();
  await expect(index.progress('polling')).toHaveText('Not started');

  // The starter meets neither goal; visiting records the lesson as started.
  await index.card('polling').getByRole('link', { name: 'Short vs long polling' }).click();
  await new LessonPage(page).waitReady();
  await expect(page.getByRole('heading', { name: 'Short vs long polling', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(index.progress('polling')).toHaveText('0 of 2 goals met');
});
