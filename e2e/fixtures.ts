import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every test fails on a console error or an uncaught page error, and records every
 * request so a test can assert that nothing left localhost.
 */
export const test = base.extend<{ consoleErrors: string[]; requests: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
  requests: async ({ page }, use) => {
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    await use(urls);
  },
});

export { expect };

/** Hosts a request may go to: the preview server (and data: URLs). */
export function leftLocalhost(urls: string[]): string[] {
  const origin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;
  return urls.filter((u) => !u.startsWith(origin) && !/^(data:|blob:)/.test(u));
}

export async function watchErrors(page: Page, errors: string[]): Promise<void> {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
}
