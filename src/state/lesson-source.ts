/**
 * The one place the page reaches the lessons: their list, manifest entries and the
 * content a lesson page shows. When lessons split into a main-thread "content" part
 * and a worker-only "runtime" part, only these lines change.
 */
export { lessonIds, loadLessonContent as loadLesson } from '../../lessons/content-registry';
export { lessonEntry, manifest } from '../../lessons/manifest';
