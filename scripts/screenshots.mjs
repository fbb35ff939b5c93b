// usage: [PORT=5201] node scripts/screenshots.mjs OUTDIR lesson[,lesson] WxH[,WxH] light|dark[,..] [t] [query]
import { chromium } from '@playwright/test';
const [out, lessons, sizes, schemes, t = '8000', query = ''] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
for (const scheme of schemes.split(','))
  for (const size of sizes.split(',')) {
    const [w, h] = size.split('x').map(Number);
    const page = await browser.newPage({ viewport: { width: w, height: h }, colorScheme: scheme });
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
    for (const id of lessons.split(',')) {
      await page.goto(`http://127.0.0.1:${process.env.PORT ?? 5201}/#/lesson/${id}${query}`);
      await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 60000 });
      const slider = page.getByRole('slider', { name: 'Timeline' });
      await slider.fill(t);
      await page.waitForTimeout(500);
      const f = `${out}/${id}-${w}x${h}-${scheme}.png`;
      await page.screenshot({ path: f, fullPage: process.env.FULL === '1' });
      console.log(f);
      if (process.env.FIGS === '1') {
        const figs = page.locator('figure.view');
        for (let i = 0; i < (await figs.count()); i++) {
          const g = `${out}/${id}-${w}x${h}-${scheme}-fig${i}.png`;
          await figs.nth(i).screenshot({ path: g });
          console.log(g);
        }
      }
    }
    await page.close();
  }
await browser.close();
