import type { AnyLesson } from '../src/lesson/types';
import { lessonEntries } from './manifest';

/** Lesson folders found by their index.ts; each loads on demand (its own chunk in the app). */
const loaders = import.meta.glob<{ default: AnyLesson }>('./*/index.ts');

function folderOf(path: string): string {
  return path.split('/')[1] ?? '';
}

export const lessonIds: string[] = lessonEntries.map((e) => e.id).filter((id) => loaders[`./${id}/index.ts`]);

/** Folders that exist but are missing from the manifest (the generic lesson test flags them). */
export const unlistedLessonFolders: string[] = Object.keys(loaders)
  .map(folderOf)
  .filter((id) => !lessonEntries.some((e) => e.id === id));

export async function loadLesson(id: string): Promise<AnyLesson | undefined> {
  const load = loaders[`./${id}/index.ts`];
  if (!load) return undefined;
  const mod = await load();
  return mod.default;
}
