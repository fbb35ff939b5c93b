import { expect, test } from './fixtures';
import { IndexPage } from './pages/IndexPage';
import { LessonPage } from './pages/LessonPage';

test('replication methods: statements diverge, rows replay exactly, MIXED in code meets every goal', async ({
  page,
  consoleErrors: _,
}) => {
  test.setTimeout(300_000);
  const index = new IndexPage(page);
  const lesson = new LessonPage(page);
  await index.open();
  await index.openLesson('replication-methods', 'Replication methods: statements, WAL, rows');
  await expect(page.getByRole('heading', { name: 'Three things a leader can ship', level: 2 })).toBeVisible();

  // The starter ships every statement as SQL: followers end with other rows than the leader.
  await expect(lesson.goal('identical')).toContainText(
    /✗ Not met[\s\S]*[\d,]+ rows differ from the leader's/,
  );
  await expect(lesson.goal('lean')).toContainText('✓ Met');
  await lesson.timeline.fill('15000');
  await expect(lesson.node('db-1')).toHaveAttribute('aria-label', /db-1 diverged/);

  // Rows: identical followers, but the bytes goal fails.
  await lesson.afterRun(async () => {
    await page.getByLabel('Replication method').selectOption('row');
  });
  await expect(lesson.goal('identical')).toContainText(/✓ Met[\s\S]*0 rows differ/);
  await expect(lesson.goal('lean')).toContainText('✗ Not met');

  // Back to statements, with the unsafe ones sent as rows by the learner's code.
  await lesson.afterRun(async () => {
    await page.getByLabel('Replication method').selectOption('statement');
  });
  const starter = await lesson.code();
  expect(starter).toContain('return true;');
  await lesson.setCode(
    starter.replace(
      'return true;',
      'return !/SYSDATE|UUID|RAND/.test(statement.sql) && !/INSERT[\\s\\S]*SELECT/.test(statement.sql);',
    ),
  );
  await lesson.run();
  for (const id of ['identical', 'all-followers', 'lean'])
    await expect(lesson.goal(id)).toContainText('✓ Met');
  const r = await lesson.lastRun();
  expect(r?.metrics.divergentRows).toBe(0);
  expect(Number(r?.metrics.shippedAsRows)).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath('replication-methods-mixed.png') });
});
