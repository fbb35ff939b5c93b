import { expect, type Locator, type Page } from '@playwright/test';
import type { PlaygroundTestHook } from '../../src/ui/test-hook';

type LastRun = ReturnType<PlaygroundTestHook['lastRun']>;

/** The lesson page as a learner sees it, plus the typed test hook for run results. */
export class LessonPage {
  constructor(readonly page: Page) {}

  async open(id = 'polling', share?: string): Promise<void> {
    await this.page.goto(`./#/lesson/${id}${share ? `?s=${share}` : ''}`);
    await this.waitReady();
  }

  /** Waits until the latest run finished (or was stopped). */
  async waitReady(): Promise<void> {
    await this.page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 20_000 });
  }

  runCount(): Promise<number> {
    return this.page.evaluate(() => window.__playground?.runCount ?? 0);
  }

  /** Does `action`, then waits for the run it triggers to finish. */
  afterRun(action: () => Promise<unknown>, timeoutMs = 20_000): Promise<void> {
    return afterLongRun(this.page, action, timeoutMs);
  }

  lastRun(): Promise<LastRun> {
    return this.page.evaluate(() => window.__playground?.lastRun() ?? null);
  }

  async setCode(code: string): Promise<void> {
    await this.page.evaluate((c) => window.__playground?.setCode(c), code);
  }

  code(): Promise<string> {
    return this.page.evaluate(() => window.__playground?.getCode() ?? '');
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' });
  }

  /** The Run button of the code pane (Monaco pane or textarea fallback). */
  async run(): Promise<void> {
    await this.afterRun(() =>
      this.page.locator('.code-region').getByRole('button', { name: 'Run', exact: true }).click(),
    );
  }

  /** A number knob's field, by its accessible name, e.g. "Clients (clients)". */
  knob(name: string): Locator {
    return this.page.getByRole('spinbutton', { name });
  }

  /** Types a value into a number knob and commits it with Enter, as a person would. */
  async setKnob(name: string, value: string): Promise<void> {
    await this.knob(name).fill(value);
    await this.knob(name).press('Enter');
  }

  get time(): Locator {
    return this.page.getByTestId('playback-time');
  }

  get inFlight(): Locator {
    return this.page.getByTestId('in-flight');
  }

  get timeline(): Locator {
    return this.page.getByRole('slider', { name: 'Timeline' });
  }

  goal(id: string): Locator {
    return this.page.locator(`.goals [data-goal="${id}"]`);
  }

  metric(name: string): Locator {
    return this.page.locator(`[data-metric="${name}"] td`).first();
  }

  /** An actor's node in the (first) topology; its accessible name is "<name> <state> (<kind>)". */
  node(name: string): Locator {
    return this.page.locator(`figure svg g[aria-label^="${name} "]`).first();
  }

  /** A crowd node (many actors of one kind as one), by its visible count, e.g. "200 clients". */
  crowd(name: string, panel?: string): Locator {
    const scope = panel ? `section[aria-label="Views of ${panel}"] ` : '';
    return this.page.locator(`${scope}figure svg g.crowd[aria-label^="${name}: "]`).first();
  }

  /** Opens a crowd from the keyboard so its members are nodes of their own. */
  async expandCrowd(name: string): Promise<void> {
    await this.crowd(name).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.crowd(name)).toHaveCount(0);
  }

  /** Playback time in ms, from the test hook. */
  async t(): Promise<number> {
    return (await this.page.evaluate(() => window.__playground!.playback())).t;
  }

  /** Opens the Share panel and returns the link it offers. */
  async shareLink(): Promise<string> {
    await this.button('Share').click();
    const field = this.page.getByRole('textbox', { name: /Link to this run/ });
    await expect(field).toHaveValue(/#\/lesson\/[a-z0-9-]+\?s=/);
    return field.inputValue();
  }

  problems(): Locator {
    return this.page.locator('.code-region');
  }

  async expectNotice(text: RegExp): Promise<void> {
    await expect(this.page.getByRole('alert').filter({ hasText: text })).toBeVisible();
  }
}

/**
 * Does `action`, then waits for the run it triggers to finish. Lessons whose default run
 * simulates thousands of messages take longer than 20 s on a loaded machine: 90 s by default.
 */
export async function afterLongRun(
  page: Page,
  action: () => Promise<unknown>,
  timeoutMs = 90_000,
): Promise<void> {
  const before = await page.evaluate(() => window.__playground?.runCount ?? 0);
  await action();
  await page.waitForFunction(
    (n) => (window.__playground?.runCount ?? 0) > n && window.__playground?.ready,
    before,
    { timeout: timeoutMs },
  );
}
