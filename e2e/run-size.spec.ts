import { existsSync, readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { LessonPage } from './pages/LessonPage';

/** Resident memory (bytes) of each renderer process (the page and its sim worker live there), from /proc. */
async function rendererRss(browser: Browser): Promise<number[]> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number }[];
  };
  await cdp.detach();
  return processInfo
    .filter((p) => p.type === 'renderer' && existsSync(`/proc/${p.id}/status`))
    .map(
      (p) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p.id}/status`, 'utf8'))?.[1] ?? 0) * 1024,
    );
}

test('a run too long to animate whole runs in aggregate mode, says so, and stays under 1 GB', async ({
  page,
  browser,
  consoleErrors: _,
}, info) => {
  test.skip(!existsSync('/proc/self/status'), 'reads process memory from /proc');
  test.setTimeout(600_000);
  const lesson = new LessonPage(page);
  await lesson.open('polling');
  await lesson.afterRun(() => lesson.setKnob('Poll interval (ms)', '50'), 90_000);
  await lesson.afterRun(() => lesson.setKnob('Duration (ms)', '150000'), 90_000);
  // 1,000 tabs polling every 50 ms for 150 s: about 5.6 M trace events, past the 4 M the page keeps.
  const before = await lesson.runCount();
  await lesson.setKnob('Clients (clients)', '1000');
  let peak = 0;
  for (;;) {
    peak = Math.max(peak, ...(await rendererRss(browser)));
    const done = await page.evaluate(
      (n) => (window.__playground?.runCount ?? 0) > n && window.__playground?.ready === true,
      before,
    );
    if (done) break;
    await page.waitForTimeout(250);
  }
  const banner = page.getByTestId('run-banner');
  await expect(banner).toContainText(
    /Aggregate run\. Animation shows the first [\d.]+ s; metrics cover the whole 2\.5 min run\./,
  );
  const run = await lesson.lastRun();
  expect(run?.diagnostics).toEqual([]);
  // The metrics count the whole run: about 1,000 × 150 s / (50 ms + a round trip) requests.
  expect(Number(run?.metrics.requests)).toBeGreaterThan(900_000);
  await expect(lesson.metric('requests')).toContainText(/\d/);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  peak = Math.max(peak, ...(await rendererRss(browser)));
  await page.screenshot({ path: info.outputPath('aggregate.png') });
  console.log(
    `aggregate polling run: renderer peak RSS ${(peak / 1e6).toFixed(0)} MB, page JS heap ${(heap / 1e6).toFixed(0)} MB`,
  );
  expect(peak).toBeGreaterThan(0);
  expect(peak).toBeLessThan(1e9);

  // The timeline says where the trace stops: past that point its track is hatched and labelled.
  const track = page.getByTestId('metrics-only-track');
  await expect(track).toContainText(/metrics only after t = (\d+ min )?[\d.]+ s/);
  const [, min, sec] = /t = (?:(\d+) min )?([\d.]+) s/.exec((await track.textContent()) ?? '')!;
  const traceEnd = Number(min ?? 0) * 60_000 + Number(sec) * 1000;
  expect(traceEnd).toBeGreaterThan(10_000);
  expect(traceEnd).toBeLessThan(150_000);
  // Scrubbed past it, the page says there is nothing to animate there, instead of a frozen picture.
  await lesson.timeline.fill(String(Math.round((traceEnd + 150_000) / 2)));
  await expect(page.getByTestId('metrics-only-note')).toContainText(/kept no trace/);
  await expect(page.getByTestId('in-flight').first()).toContainText(/No trace at/);
  await page.screenshot({ path: info.outputPath('aggregate-past-trace.png') });
  // Played from just before the trace's end, playback stops at it.
  await lesson.timeline.fill(String(Math.round(traceEnd - 300)));
  await expect(page.getByTestId('metrics-only-note')).toHaveCount(0);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect
    .poll(() => page.evaluate(() => window.__playground!.playback().playing), { timeout: 30_000 })
    .toBe(false);
  // (the label rounds to a tenth of a second)
  expect(Math.abs((await lesson.t()) - traceEnd)).toBeLessThanOrEqual(100);
});
