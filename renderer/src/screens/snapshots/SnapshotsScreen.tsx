import { useState } from 'react';
import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { ScreenHeading } from '../../components/ScreenHeading';
import { strings } from '../../strings';
import { RestoreWizard } from '../restore/RestoreWizard';
import { FindInSnapshots } from './FindInSnapshots';
import type { DiffEnds } from './PageDiff';
import { PageDiff } from './PageDiff';
import { PageVersions } from './PageVersions';
import { historyStrings } from '../../strings-history';
import type { SnapshotRow } from './snapshot-helpers';
import { SnapshotDetail } from './SnapshotDetail';
import { SnapshotsStatus } from './SnapshotsStatus';
import { SnapshotTimeline } from './SnapshotTimeline';
import { useSnapshots } from './useSnapshots';

const s = strings.snapshots;

export type MainScreen = 'home' | 'snapshots' | 'settings' | 'logs';

/** Where the screen is; `from` is where Back (or the end of a restore) leads. */
type View =
  | { mode: 'list' }
  | { mode: 'browse'; snapshot: SnapshotRow; pageId?: string; from: View }
  | { mode: 'restore'; snapshotId: string; pageId?: string; saveAs?: 'markdown'; from: View }
  | { mode: 'versions'; page: PageRef; from: View }
  | { mode: 'diff'; page: PageRef; ends: DiffEnds; from: View };

/**
 * The store's snapshots as a timeline with what changed, a search across all of them, the versions
 * of one page; opening a snapshot browses its pages; "Restore…" leads to the restore wizard.
 */
export function SnapshotsScreen({ onNavigate }: { onNavigate?: (screen: MainScreen) => void }) {
  const snapshots = useSnapshots();
  const [view, setView] = useState<View>({ mode: 'list' });
  const list: View = { mode: 'list' };

  if (view.mode === 'browse') {
    return (
      <SnapshotDetail
        key={`${view.snapshot.id} ${view.pageId ?? ''}`}
        snapshot={view.snapshot}
        initialPageId={view.pageId}
        backLabel={view.from.mode === 'versions' ? s.backToVersions : s.back}
        onBack={() => setView(view.from)}
        onRestore={() => setView({ mode: 'restore', snapshotId: view.snapshot.id, from: view })}
        onVersions={(page) => setView({ mode: 'versions', page, from: view })}
      />
    );
  }
  if (view.mode === 'restore') {
    return (
      <RestoreWizard
        snapshotId={view.snapshotId}
        pageId={view.pageId}
        saveAs={view.saveAs}
        onDone={() => {
          setView(view.from);
          snapshots.refresh();
        }}
      />
    );
  }
  if (view.mode === 'diff') {
    return (
      <PageDiff
        page={view.page}
        ends={view.ends}
        backLabel={view.from.mode === 'versions' ? historyStrings.diff.back : historyStrings.diff.backToSnapshots}
        onBack={() => setView(view.from)}
      />
    );
  }
  if (view.mode === 'versions') {
    const snapshotById = (id: string) => snapshots.newestFirst?.find((snapshot) => snapshot.id === id);
    return (
      <PageVersions
        page={view.page}
        onBack={() => setView(view.from)}
        onPreview={(snapshotId) => {
          const snapshot = snapshotById(snapshotId);
          if (snapshot) setView({ mode: 'browse', snapshot, pageId: view.page.id, from: view });
        }}
        onRestore={(snapshotId, saveAs) => setView({ mode: 'restore', snapshotId, pageId: view.page.id, saveAs, from: view })}
        onCompare={(ends) => setView({ mode: 'diff', page: view.page, ends, from: view })}
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
        <>
          <FindInSnapshots
            onVersions={(page) => setView({ mode: 'versions', page, from: list })}
            onOpen={(snapshotId, pageId) => {
              const snapshot = snapshots.newestFirst?.find((candidate) => candidate.id === snapshotId);
              if (snapshot) setView({ mode: 'browse', snapshot, pageId, from: list });
            }}
          />
          <SnapshotTimeline
            snapshots={snapshots.newestFirst}
            now={new Date(snapshots.loadedAt)}
            onOpen={(snapshot) => setView({ mode: 'browse', snapshot, from: list })}
            onRestore={(snapshot) => setView({ mode: 'restore', snapshotId: snapshot.id, from: list })}
            onVersions={(page) => setView({ mode: 'versions', page, from: list })}
            onDiff={(page, ends) => setView({ mode: 'diff', page, ends, from: list })}
          />
        </>
      )}
    </div>
  );
}
