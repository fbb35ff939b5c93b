// Frame times of the lesson page while the topology animates ~1,000 messages in flight
// (polling, 1,000 clients, 50 ms polls, 500 ms latency), with a CPU profile of the same
// seconds: the functions that take the most self time, then the browser's work per frame.
// usage: node scripts/frame-profile.mjs BASE_URL [--expand]
import { chromium } from '@playwright/test';

const [base = 'http://127.0.0.1:5201/', ...flags] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(`${base}#/lesson/polling`);
await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 120_000 });
for (const [name, value] of [
  ['Duration (ms)', 20_000],
  ['Latency (ms)', 500],
  ['Poll interval (ms)', 50],
  ['Clients (clients)', 1000],
]) {
  const before = await page.evaluate(() => window.__playground.runCount);
  await page.getByRole('spinbutton', { name }).fill(String(value));
  await page.getByRole('spinbutton', { name }).press('Enter');
  await page.waitForFunction((n) => window.__playground.runCount > n && window.__playground.ready, before, {
    timeout: 120_000,
  });
}
if (flags.includes('--expand')) await page.locator('g.crowd').first().click();
await page.getByRole('slider', { name: 'Timeline' }).fill('5000');
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.getByRole('button', { name: 'Play', exact: true }).click();
await cdp.send('Profiler.start');
const { intervals, inFlight } = await page.evaluate(async () => {
  const out = [];
  let last = await new Promise((r) => requestAnimationFrame(r));
  const end = last + 4000;
  while (last < end) {
    const now = await new Promise((r) => requestAnimationFrame(r));
    out.push(now - last);
    last = now;
  }
  const status = document.body.innerText.match(/([\d,]+) messages in flight/);
  return { intervals: out, inFlight: status ? status[1] : '?' };
});
const { profile } = await cdp.send('Profiler.stop');
const q = (p) =>
  [...intervals].sort((a, b) => a - b)[Math.min(intervals.length - 1, Math.floor(p * intervals.length))];
console.log(
  `frames while ${inFlight} messages in flight: p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${Math.max(...intervals).toFixed(1)} ms over ${intervals.length} frames`,
);
// Self time per function, from the sampled profile.
const dt = profile.timeDeltas;
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => {
  const n = byNode.get(id);
  const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15))
  console.log(`  ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
// The browser's own work per frame (CPU time on the page's main thread, so a busy machine
// inflates it less than wall time): script in animation frames, style, layout, paint, commit.
await browser.startTracing(page, {
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
});
await page.waitForTimeout(3000);
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
const byThread = new Map();
for (const e of traceEvents)
  if (e.name === 'FireAnimationFrame')
    byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
const [main, frames] = [...byThread].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
const cpu = new Map();
for (const e of traceEvents)
  if (`${e.pid}:${e.tid}` === main && e.ph === 'X' && e.dur)
    cpu.set(e.name, (cpu.get(e.name) ?? 0) + (e.tdur ?? e.dur) / 1000);
const per = (name) => ((cpu.get(name) ?? 0) / Math.max(1, frames)).toFixed(2);
console.log(
  `main-thread CPU per frame over ${frames} frames (ms): script ${per('FireAnimationFrame')}, style ${per('UpdateLayoutTree')}, layout ${per('Layout')}, pre-paint ${per('PrePaint')}, paint ${per('Paint')}, layerize ${per('Layerize')}, commit ${per('Commit')}`,
);
await browser.close();
