import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

const exec = promisify(execFile);
const LESSONS = ['polling', 'sse', 'websockets', 'realtime-compare', 'message-queue', 'message-stream'];

/** `npm run sim -- <id> --json`: the default scenario (starter code, seed 1, no faults) in Node. */
async function headless(id: string): Promise<{ metrics: unknown }> {
  const { stdout } = await exec('node', ['scripts/run-ts.mjs', 'src/cli/sim.ts', id, '--json'], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
  return JSON.parse(stdout) as { metrics: unknown };
}

for (const id of LESSONS) {
  test(`${id}: the default scenario gives the same metrics in the browser as npm run sim`, async ({
    page,
    consoleErrors: _,
  }) => {
    test.setTimeout(120_000);
    // One after the other: on a shared machine the browser run must not wait behind the CLI.
    await page.goto(`./#/lesson/${id}`);
    await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });
    const node = await headless(id);
    const browser = await new LessonPage(page).lastRun();
    // Through JSON on both sides: the CLI prints JSON, so compare what JSON can carry, byte for byte.
    expect(JSON.stringify(browser?.metrics)).toBe(JSON.stringify(node.metrics));
  });
}
