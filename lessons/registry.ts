import type { AnyLessonRuntime } from '../src/lesson/types';
import { lessonEntries } from './manifest';

/**
 * Lesson folders found by their index.ts: the runtime (machines, wiring, checks), which
 * only the worker and the CLI load. The page loads content alone (content-registry.ts).
 */
const loaders = import.meta.glob<{ default: AnyLessonRuntime }>('./*/index.ts');

function folderOf(path: string): string {
  return path.split('/')[1] ?? '';
}

export const lessonIds: string[] = lessonEntries.map((e) => e.id).filter((id) => loaders[`./${id}/index.ts`]);

/** Folders that exist but are missing from the manifest (the generic lesson test flags them). */
export const unlistedLessonFolders: string[] = Object.keys(loaders)
  .map(folderOf)
  .filter((id) => !lessonEntries.some((e) => e.id === id));

export async function loadLesson(id: string): Promise<AnyLessonRuntime | undefined> {
  const load = loaders[`./${id}/index.ts`];
  if (!load) return undefined;
  const mod = await load();
  return mod.default;
}
