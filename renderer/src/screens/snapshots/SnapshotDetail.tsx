import { BackButton } from '../../components/BackButton';
import { useMemo, useState } from 'react';
import { CallStatus, StatusLine } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { ScreenHeading } from '../../components/ScreenHeading';
import { visibleForQuery, withToggled } from '../../page-tree';
import { TitleSearch } from '../../components/TitleSearch';
import { strings } from '../../strings';
import { useMainQuery } from '../../use-main';
import { RestoreWizard } from '../restore/RestoreWizard';
import { BrowseTree } from './BrowseTree';
import { PagePreview } from './PagePreview';
import type { SnapshotRow } from './snapshot-helpers';
import { ancestorsOf, childCounts, entriesToItems, topLevelIds } from './snapshot-helpers';
import { formatDateTime } from '../../format-date';
import { SnapshotSummary } from './SnapshotSummary';
import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { historyStrings } from '../../strings-history';

const s = strings.snapshots;

/** One snapshot: its summary, its pages by title with a search, and a preview of the chosen page. */
export function SnapshotDetail({
  snapshot,
  initialPageId,
  backLabel = s.back,
  onBack,
  onRestore,
  onVersions,
}: {
  snapshot: SnapshotRow;
  /** Opened on this page (from its versions): it is selected and its branch open. */
  initialPageId?: string | undefined;
  backLabel?: string;
  onBack: () => void;
  onRestore: () => void;
  onVersions?: (page: PageRef) => void;
}) {
  const tree = useMainQuery('getSnapshotTree', { snapshotId: snapshot.id });
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(initialPageId ?? null);
  // Until the user opens or closes a branch, the top level is open.
  const [opened, setOpened] = useState<ReadonlySet<string> | null>(null);
  // "Restore this page…": the wizard opens here, and Done comes back to this page's preview.
  const [restoring, setRestoring] = useState<{ pageId: string; saveAs?: 'markdown' } | null>(null);

  const entries = useMemo(() => (tree.state === 'ready' ? tree.value.entries : []), [tree.state, tree.value]);
  const expanded = useMemo(() => opened ?? new Set([...topLevelIds(entries), ...ancestorsOf(initialPageId, entries)]), [opened, entries, initialPageId]);
  const items = useMemo(() => entriesToItems(entries, true), [entries]);
  const counts = useMemo(() => childCounts(entries), [entries]);
  const known = useMemo(() => new Set(entries.map((entry) => entry.id)), [entries]);
  const visible = useMemo(() => visibleForQuery(items, query), [items, query]);
  const selected = entries.find((entry) => entry.id === selectedId) ?? null;
  const date = formatDateTime(snapshot.time);

  const toggle = (id: string) => setOpened(withToggled(expanded, id, !expanded.has(id)));

  /** Opens a page from the preview (a child page): select it and show its branch. */
  const openPage = (id: string) => {
    setQuery('');
    setSelectedId(id);
    setOpened(new Set([...expanded, ...ancestorsOf(id, entries)]));
  };

  if (restoring) return <RestoreWizard snapshotId={snapshot.id} pageId={restoring.pageId} saveAs={restoring.saveAs} onDone={() => setRestoring(null)} />;

  return (
    <div className="screen screen--wide">
      <BackButton label={backLabel} onBack={onBack} />
      <div className="snapshot-head">
        <div>
          <ScreenHeading>{s.detailTitle(date)}</ScreenHeading>
          <p className="muted">
            {s.idLabel}: <span className="mono-wrap">{snapshot.id.slice(0, 12)}</span>
          </p>
        </div>
        <button type="button" className="button" onClick={onRestore}>
          {s.restore}
        </button>
      </div>

      <CallStatus call={tree} loading={s.loadingTree} problemPrefix={s.treeProblem} skeleton={6} />
      {tree.state === 'ready' && (
        <>
          <SnapshotSummary summary={tree.value.summary} />
          <div className="browse">
            <Card id="browse-pages" title={s.pagesTitle} className="browse__tree">
              <TitleSearch query={query} onChange={setQuery} />
              {items.length === 0 && <p className="muted">{s.emptyTree}</p>}
              {visible !== null && visible.size === 0 && (
                <StatusLine>{strings.pages.noMatch(query.trim())}</StatusLine>
              )}
              {items.length > 0 && (visible === null || visible.size > 0) && (
                <BrowseTree
                  items={items}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  expanded={expanded}
                  onToggle={toggle}
                  visible={visible}
                  counts={counts}
                />
              )}
            </Card>
            <Card id="browse-preview" title={s.previewTitle} className="browse__preview">
              {!selected && <p className="muted">{s.previewHint}</p>}
              {selected && !selected.isRow && (
                <p className="button-row">
                  <button type="button" className="button button--secondary" onClick={() => setRestoring({ pageId: selected.id })}>
                    {selected.object === 'database' ? s.restoreDatabase : s.restorePage}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setRestoring({ pageId: selected.id, saveAs: 'markdown' })}>
                    {s.saveAsMarkdown}
                  </button>
                  {onVersions && (
                    <button type="button" className="button button--secondary" onClick={() => onVersions({ ...selected })}>
                      {historyStrings.versions.versionsButton}
                    </button>
                  )}
                </p>
              )}
              {selected?.object === 'database' && <p className="muted">{s.databaseHint}</p>}
              {selected && (
                <PagePreview snapshotId={snapshot.id} pageId={selected.id} context={{ known, onOpenPage: openPage }} />
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
