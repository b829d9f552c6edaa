import { useEffect, useRef, useState } from 'react';
import type { RetentionPreview } from '../../../../shared/ipc/schedule-schemas';
import { scheduleStrings } from '../../strings-schedule';
import { formatDateTime } from '../../format-date';
import { shortId } from './retention-helpers';
import type { RemovalState } from './useRetentionJob';

const t = scheduleStrings.retention;

type Preview = Extract<RetentionPreview, { status: 'ok' }>;
type Snapshot = Preview['remove'][number];

/** What the policy would remove and keep, and the confirmed removal of exactly the listed snapshots. */
export function RetentionPreviewView({ preview, removal, onRemove }: { preview: Preview; removal: RemovalState; onRemove: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const count = preview.remove.length;
  return (
    <div className="retention-preview" data-testid="retention-preview">
      <div className="retention-lists">
        <div>
          <h3 className="subsection-title">{t.removeTitle(count)}</h3>
          {count === 0 ? (
            <p className="muted">{t.nothingToRemove}</p>
          ) : (
            <ul className="snapshot-lines snapshot-lines--remove" aria-label={t.removeListLabel}>
              {preview.remove.map((snapshot) => (
                <li key={snapshot.id}>
                  <SnapshotLine snapshot={snapshot} />
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 className="subsection-title">{t.keepTitle(preview.keep.length)}</h3>
          {preview.keep.length === 0 ? (
            <p className="muted">{t.noneKept}</p>
          ) : (
            <ul className="snapshot-lines" aria-label={t.keepListLabel}>
              {preview.keep.map((snapshot) => (
                <li key={snapshot.id}>
                  <SnapshotLine snapshot={snapshot} />
                  <span className="snapshot-lines__reasons">{t.reasons(snapshot.reasons)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {preview.untouched > 0 && <p className="muted">{t.untouched(preview.untouched)}</p>}
      {removal.phase === 'running' && (
        <p role="status" className="muted">
          {t.removing}
        </p>
      )}
      {removal.phase === 'done' && (
        <p role="status" className={removal.ok ? 'ok-text' : 'field-error'} data-testid="retention-result">
          {removal.text}
        </p>
      )}
      {count > 0 && removal.phase !== 'running' && !confirming && (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t.removeButton(count)}
          </button>
        </div>
      )}
      {count > 0 && removal.phase !== 'running' && confirming && (
        <ConfirmRemoval
          count={count}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onRemove();
          }}
        />
      )}
    </div>
  );
}

function SnapshotLine({ snapshot }: { snapshot: Snapshot }) {
  return (
    <>
      <time dateTime={snapshot.time}>{formatDateTime(snapshot.time)}</time> <code title={snapshot.id}>{shortId(snapshot.id)}</code>
      {snapshot.mode && <span className="tag">{t.mode[snapshot.mode] ?? snapshot.mode}</span>}
    </>
  );
}

/** The in-page confirmation: Cancel has the focus, so Enter never removes by accident. */
function ConfirmRemoval({ count, onCancel, onConfirm }: { count: number; onCancel: () => void; onConfirm: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="danger-panel" role="alertdialog" aria-labelledby="retention-confirm-question">
      <p id="retention-confirm-question">{t.confirmQuestion(count)}</p>
      <div className="button-row">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {t.confirmButton(count)}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel} ref={cancelRef}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
