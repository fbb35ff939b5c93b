// usage: [PORT=5201] [FULL=1] [FIGS=1] node scripts/screenshots.mjs OUTDIR lesson[,lesson]|all WxH[,WxH] light|dark[,..] [t|auto] [query]
// t=auto (the default) moves the timeline to a moment with the most messages in flight among a
// few points of the run, so the pictures show the system busy rather than idle or finished.
// FULL=1 adds a full-page picture (the views stack on a phone); FIGS=1 one picture per view.
import { chromium } from '@playwright/test';
const [out, lessonArg, sizes, schemes, t = 'auto', query = ''] = process.argv.slice(2);
const base = `http://127.0.0.1:${process.env.PORT ?? 5201}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});

/** Every lesson of the index, in its order, when asked for `all`. */
async function lessonIds(page) {
  if (lessonArg !== 'all') return lessonArg.split(',');
  await page.goto(`${base}/`);
  const hrefs = await page
    .locator('a[href*="#/lesson/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return [...new Set(hrefs.map((h) => h.replace(/.*#\/lesson\//, '').replace(/[?].*/, '')))];
}

const inFlight = async (page) =>
  Number((await page.getByTestId('in-flight').first().textContent())?.match(/\d+/)?.[0] ?? 0);

/** Moves playback to `t` ms, or with `auto` to the busiest of a few moments of the run. */
async function seek(page, slider) {
  if (t !== 'auto') return slider.fill(t);
  const duration = await page.evaluate(() => window.__playground.playback().durationMs);
  let best = { at: Math.round(duration * 0.4), n: -1 };
  for (const f of [0.4, 0.3, 0.55, 0.2, 0.7, 0.12, 0.06, 0.03, 0.85, 0.01]) {
    const at = Math.round(duration * f);
    await slider.fill(String(at));
    await page.waitForTimeout(150);
    const n = await inFlight(page);
    if (n > best.n) best = { at, n };
    if (n >= 3) break;
  }
  await slider.fill(String(best.at));
}

for (const scheme of schemes.split(','))
  for (const size of sizes.split(',')) {
    const [w, h] = size.split('x').map(Number);
    const open = async () => {
      const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
      page.on('pageerror', (e) => console.log('pageerror', e.message));
      page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
      return page;
    };
    const index = await open();
    const ids = await lessonIds(index);
    await index.close();
    // A fresh page per lesson: a change of hash alone would find the previous lesson ready.
    for (const id of ids) {
      const page = await open();
      await page.goto(`${base}/#/lesson/${id}${query}`);
      await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 60000 });
      await seek(page, page.getByRole('slider', { name: 'Timeline' }));
      // No focus ring on the timeline in the picture.
      await page.evaluate(() => document.activeElement?.blur());
      await page.waitForTimeout(500);
      const f = `${out}/${id}-${w}x${h}-${scheme}.png`;
      await page.screenshot({ path: f });
      console.log(f, `(${await inFlight(page)} in flight)`);
      if (process.env.FULL === '1') {
        const g = `${out}/${id}-${w}x${h}-${scheme}-full.png`;
        await page.screenshot({ path: g, fullPage: true });
        console.log(g);
      }
      if (process.env.FIGS === '1') {
        const figs = page.locator('figure.view');
        for (let i = 0; i < (await figs.count()); i++) {
          const g = `${out}/${id}-${w}x${h}-${scheme}-fig${i}.png`;
          await figs.nth(i).screenshot({ path: g });
          console.log(g);
        }
      }
      await page.close();
    }
  }
await browser.close();
