import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import LZString from 'lz-string';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

/** A share link for the polling lesson carrying `code` (and param overrides). */
function link(code: string, p?: Record<string, number | string>): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, c: code, ...(p ? { p } : {}) }));
}

const STARTER_BODY = 'return settings.pollIntervalMs;';
const starterLike = (prefix: string) =>
  `${prefix}\nexport function nextPollDelay(answer: any, settings: any): number {\n  ${STARTER_BODY}\n}\n`;

const POISON = starterLike(`const G: any = Function('return this')() ?? Function('return globalThis')();
try { G.Math.round = () => 1; } catch {}
try { (Math as any).round = () => 1; } catch {}
try { (Array.prototype as any).push = function () { return 0; }; } catch {}`);

test('a poisoned share link changes nothing for the next run of the untouched starter', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  await lesson.open();
  const starter = await lesson.code();
  const before = await lesson.lastRun();
  expect(before?.goals.find((g) => g.id === 'fresh')?.passed).toBe(false);

  await lesson.open('polling', link(POISON));
  const poisoned = await lesson.lastRun();
  expect(poisoned?.diagnostics).toEqual([]);
  expect(poisoned?.metrics).toEqual(before?.metrics);

  await lesson.setCode(starter);
  await lesson.run();
  const after = await lesson.lastRun();
  expect(after?.metrics).toEqual(before?.metrics);
  expect(after?.goals).toEqual(before?.goals);
});

test.describe('learner code reaches no network, even from a share link', () => {
  let server: Server;
  let hits: string[];
  let base: string;
  test.beforeAll(async () => {
    hits = [];
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end('export default 1;');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const attacks: [string, (base: string) => string][] = [
    ['FontFace', (b) => `new G.FontFace('x', 'url(${b}/font)').load();`],
    ['import() via Function', (b) => `G.Function('return imp' + 'ort("${b}/module.js")')();`],
    [
      'import() via a literal constructor',
      (b) => `(() => {}).constructor('return imp' + 'ort("${b}/ctor.js")')();`,
    ],
    ['navigator.sendBeacon', (b) => `G.navigator.sendBeacon('${b}/beacon', 'x');`],
    ['fetch', (b) => `G.fetch('${b}/fetch');`],
    ['WebTransport', (b) => `new G.WebTransport('${b.replace('http', 'https')}/wt');`],
    ['RTCPeerConnection', () => `new G.RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:9' }] });`],
    ['Image-like loader', (b) => `G.createImageBitmap(G.fetch('${b}/img'));`],
  ];
  for (const [name, attack] of attacks) {
    test(`${name}: refused in the worker, nothing reaches the server`, async ({ page, consoleErrors: _ }) => {
      const lesson = new LessonPage(page);
      const code = starterLike(
        `const G: any = Function('return this')() ?? Function('return globalThis')() ?? {};\nlet refused = '';\ntry { ${attack(base)} } catch (e: any) { refused = String(e && e.message); }\nexport const why = refused;`,
      );
      await lesson.open('polling', link(code));
      await page.waitForTimeout(500);
      expect(hits).toEqual([]);
      // The run itself went ahead (the attack threw inside learner code and was caught).
      expect((await lesson.lastRun())?.diagnostics).toEqual([]);
    });
  }
});

test('code that reads clocks through any route gives the same metrics every run', async ({
  page,
  consoleErrors: _,
}) => {
  const lesson = new LessonPage(page);
  const reader = `const G: any = Function('return globalThis')() ?? {};
function clocks(): number {
  let t = 0;
  for (const f of [() => G.performance.now(), () => G.Date.now(), () => new G.Date().getTime()]) {
    try { t += Number(f()) || 0; } catch { t += 0; }
  }
  return t;
}
export function nextPollDelay(answer: any, settings: any): number {
  return settings.pollIntervalMs + (clocks() % 13);
}
`;
  await lesson.open('polling', link(reader));
  const first = await lesson.lastRun();
  expect(first?.diagnostics).toEqual([]);
  await lesson.run();
  expect((await lesson.lastRun())?.metrics).toEqual(first?.metrics);
});

test('a long engine run is not mistaken for an endless loop', async ({ page, consoleErrors: _ }) => {
  test.setTimeout(180_000);
  // Tens of thousands of requests: seconds of engine work, well past the 2 s learner limit.
  await page.goto(`./#/lesson/polling?s=${link(starterLike(''), { clients: 100, durationMs: 300_000 })}`);
  await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 120_000 });
  const r = await new LessonPage(page).lastRun();
  expect(r?.diagnostics).toEqual([]);
  expect(Number(r?.metrics.requests)).toBeGreaterThan(25_000);
});
