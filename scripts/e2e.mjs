// Runs the Playwright e2e suite, or says in one line what browser to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

let bundled = false;
try {
  const { chromium } = await import('@playwright/test');
  bundled = existsSync(chromium.executablePath());
} catch {
  bundled = false;
}
if (!existsSync('/usr/bin/chromium') && !bundled) {
  console.error(
    'e2e needs Chromium: run `npx playwright install chromium` (or on Debian/Ubuntu `apt-get install chromium`).',
  );
  process.exit(1);
}
const r = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
