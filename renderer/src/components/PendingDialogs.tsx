import { useEffect, useRef, useState } from 'react';
import type { PendingDialog } from '../../../shared/ipc/browser-schemas';
import { strings } from '../strings';
import { useMainEvent } from '../use-main';

/**
 * Browser mode only. Where the desktop app shows a native dialog, `notion-plakar ui` serves the
 * question on its own origin (http://localhost:<port>), which this page cannot read or answer for the
 * user. This panel says a question waits and opens it in a new tab.
 */
export function PendingDialogs() {
  const [pending, setPending] = useState<PendingDialog[]>([]);
  const link = useRef<HTMLAnchorElement>(null);
  useMainEvent('dialogs', (event) => setPending(event.pending));
  const first = pending[0];
  useEffect(() => {
    if (first) link.current?.focus();
  }, [first]);
  if (!first) return null;
  const href = `http://localhost:${window.location.port}${first.path}`;
  return (
    <div className="pending-dialog__backdrop">
      <div className="pending-dialog card" role="dialog" aria-modal="true" aria-labelledby="pending-dialog-title">
        <h2 id="pending-dialog-title">{first.title}</h2>
        <p>{strings.pendingDialog.explanation}</p>
        <div className="button-row">
          <a ref={link} className="button" href={href} target="_blank" rel="noopener noreferrer">
            {strings.pendingDialog.open}
          </a>
        </div>
        {pending.length > 1 && <p className="muted">{strings.pendingDialog.more(pending.length - 1)}</p>}
      </div>
    </div>
  );
}
