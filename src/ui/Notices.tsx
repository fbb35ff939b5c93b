import { selectNotices } from '../state/selectors';
import { useStore } from '../state/store';

/** Messages for the learner (a bad link, a stopped run) until dismissed. */
export function Notices() {
  const notices = useStore(selectNotices);
  const dismiss = useStore((s) => s.dismissNotice);
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          {n.action ? (
            <button
              type="button"
              onClick={() => {
                n.action!.run();
                dismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          ) : null}
          <button type="button" aria-label="Dismiss message" onClick={() => dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
