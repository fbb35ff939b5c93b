import { useState } from 'react';
import { shareUrl } from '../../state/actions';

/** Makes a link to this scenario at this moment, copies it and shows it for manual copying. */
export function SharePanel() {
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const share = async () => {
    const link = shareUrl(window.location.href);
    setUrl(link);
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard permission (or an insecure origin): the field below still has it.
      setCopied(false);
    }
  };
  return (
    <div className="share">
      <button type="button" onClick={() => void share()} aria-label="Share">
        Share
      </button>
      {url ? (
        <div className="share-out">
          <label htmlFor="share-url">
            {copied ? 'Copied! Link to this run at this moment:' : 'Link to this run at this moment:'}
          </label>
          <input id="share-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
    </div>
  );
}
