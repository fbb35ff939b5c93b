import { expect, type Locator, type Page } from '@playwright/test';

export class IndexPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./#/');
  }

  card(lessonId: string): Locator {
    return this.page.locator(`[data-lesson="${lessonId}"]`);
  }

  /**
   * Opens a lesson as a learner does: its link on its card, then waits for the first run
   * (up to 90 s: a busy machine may need long) and sees the lesson's title.
   */
  async openLesson(lessonId: string, title: string): Promise<void> {
    await this.card(lessonId).getByRole('link', { name: title }).click();
    await this.page.waitForFunction(() => window.__playground?.ready === true, null, { timeout: 90_000 });
    await expect(this.page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  }

  progress(lessonId: string): Locator {
    return this.card(lessonId).getByTestId('lesson-progress');
  }
}
