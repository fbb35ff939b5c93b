import type { Locator, Page } from '@playwright/test';

export class IndexPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('./#/');
  }

  card(lessonId: string): Locator {
    return this.page.locator(`[data-lesson="${lessonId}"]`);
  }

  progress(lessonId: string): Locator {
    return this.card(lessonId).getByTestId('lesson-progress');
  }
}
