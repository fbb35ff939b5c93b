import { LessonIndex } from './index/LessonIndex';
import { LessonPage } from './lesson/LessonPage';
import { Notices } from './Notices';
import { parseRoute, useHash } from './router';

export function App() {
  const hash = useHash();
  const route = parseRoute(hash);
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Notices />
      {route.page === 'lesson' ? <LessonPage id={route.id} hash={hash} /> : <LessonIndex />}
    </>
  );
}
