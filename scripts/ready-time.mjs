// Seconds from opening a lesson to its first run drawn. usage: node scripts/ready-time.mjs BASE_URL lesson
import { chromium } from '@playwright/test';
const [base, id] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
const t0 = Date.now();
await page.goto(`${base}#/lesson/${id}`);
await page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 120000 });
console.log(id, ((Date.now() - t0) / 1000).toFixed(1), 's', errors.join(' | '));
await browser.close();
