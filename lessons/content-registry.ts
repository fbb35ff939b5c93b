import type { AnyLesson } from '../src/lesson/types';
import { lessonEntries } from './manifest';

/**
 * What the page loads of each lesson: its content.ts (narrative, params, code, goal
 * titles, predictions, views, theory), one chunk per lesson, without xstate or models.
 */
const loaders = import.meta.glob<{ default: AnyLesson }>('./*/content.ts');

export const lessonIds: string[] = lessonEntries
  .map((e) => e.id)
  .filter((id) => loaders[`./${id}/content.ts`]);

export async function loadLessonContent(id: string): Promise<AnyLesson | undefined> {
  const load = loaders[`./${id}/content.ts`];
  if (!load) return undefined;
  const mod = await load();
  return mod.default;
}
