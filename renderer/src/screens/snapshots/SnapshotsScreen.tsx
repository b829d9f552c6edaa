import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { strings } from '../../strings';
import { RestoreWizard } from '../restore/RestoreWizard';
import type { SnapshotRow } from './snapshot-helpers';
import { formatDateTime, visibleTags } from './snapshot-helpers';
import { SnapshotDetail } from './SnapshotDetail';
import { SnapshotsStatus } from './SnapshotsStatus';
import { useSnapshots } from './useSnapshots';

const s = strings.snapshots;

export type MainScreen = 'home' | 'snapshots' | 'settings' | 'logs';

type View = { mode: 'list' } | { mode: 'browse'; snapshot: SnapshotRow } | { mode: 'restore'; snapshotId: string };

/** The store's snapshots; opening one browses its pages; "Restore…" leads to the restore wizard. */
export function SnapshotsScreen({ onNavigate }: { onNavigate?: (screen: MainScreen) => void }) {
  const snapshots = useSnapshots();
  const [view, setView] = useState<View>({ mode: 'list' });

  if (view.mode === 'browse') {
    return (
      <SnapshotDetail
        snapshot={view.snapshot}
        onBack={() => setView({ mode: 'list' })}
        onRestore={() => setView({ mode: 'restore', snapshotId: view.snapshot.id })}
      />
    );
  }
  if (view.mode === 'restore') {
    return (
      <RestoreWizard
        snapshotId={view.snapshotId}
        onDone={() => {
          setView({ mode: 'list' });
          snapshots.refresh();
        }}
      />
    );
  }

  return (
    <div className="screen screen--wide">
      <ScreenHeading>{s.title}</ScreenHeading>
      <p className="lead">{s.lead}</p>
      <SnapshotsStatus snapshots={snapshots} />
      {snapshots.newestFirst?.length === 0 && (
        <div className="card">
          <p>{s.empty}</p>
          {onNavigate && (
            <button type="button" className="button button--secondary" onClick={() => onNavigate('home')}>
              {s.goHome}
            </button>
          )}
        </div>
      )}
      {snapshots.newestFirst && snapshots.newestFirst.length > 0 && (
        <SnapshotTable
          snapshots={snapshots.newestFirst}
          onOpen={(snapshot) => setView({ mode: 'browse', snapshot })}
          onRestore={(snapshot) => setView({ mode: 'restore', snapshotId: snapshot.id })}
        />
      )}
    </div>
  );
}

function SnapshotTable({
  snapshots,
  onOpen,
  onRestore,
}: {
  snapshots: readonly SnapshotRow[];
  onOpen: (snapshot: SnapshotRow) => void;
  onRestore: (snapshot: SnapshotRow) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="snapshot-list">
        <caption className="visually-hidden">{s.listCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.columns.date}</th>
            <th scope="col">{s.columns.size}</th>
            <th scope="col">{s.columns.kind}</th>
            <th scope="col">{s.columns.origin}</th>
            <th scope="col">{s.columns.tags}</th>
            <th scope="col">
              <span className="visually-hidden">{s.columns.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => {
            const date = formatDateTime(snapshot.time);
            const tags = visibleTags(snapshot.tags);
            return (
              <tr key={snapshot.id}>
                <th scope="row">{date}</th>
                <td className="numeric">{strings.format.bytes(snapshot.sizeBytes)}</td>
                <td>{snapshot.mode ? s.mode[snapshot.mode] : s.mode.unknown}</td>
                <td>{snapshot.ours ? s.ours : <span className="tag">{s.notOurs}</span>}</td>
                <td>
                  {tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </td>
                <td className="actions">
                  <button type="button" className="button button--secondary" aria-label={s.openLabel(date)} onClick={() => onOpen(snapshot)}>
                    {s.open}
                  </button>
                  <button type="button" className="button button--ghost" aria-label={s.restoreLabel(date)} onClick={() => onRestore(snapshot)}>
                    {s.restore}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
