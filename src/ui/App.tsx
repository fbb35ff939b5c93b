import { LessonIndex } from './index/LessonIndex';
import { LessonPage } from './lesson/LessonPage';
import { Notices } from './Notices';
import { parseRoute, useHash } from './router';

/**
 * The URL hash is the route here, so the skip link must not navigate to "#main"
 * (that would leave the lesson): it moves focus to the main region instead.
 */
function skipToMain(ev: React.MouseEvent<HTMLAnchorElement>): void {
  ev.preventDefault();
  const main = document.getElementById('main');
  if (!main) return;
  if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  main.focus();
}

export function App() {
  const hash = useHash();
  const route = parseRoute(hash);
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <Notices />
      {route.page === 'lesson' ? <LessonPage id={route.id} hash={hash} /> : <LessonIndex />}
    </>
  );
}
