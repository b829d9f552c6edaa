import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { ProblemLine } from '../../components/CallStatus';
import { historyStrings } from '../../strings-history';
import { strings } from '../../strings';
import { useMainQuery } from '../../use-main';
import type { DiffEnds } from './PageDiff';

const h = historyStrings.changes;

/**
 * What changed since the snapshot before, in one line of counts, with the titles behind a disclosure;
 * a title opens that page's versions.
 */
export function SnapshotChanges({
  snapshot,
  onVersions,
  onDiff,
}: {
  snapshot: { id: string; time: string };
  onVersions: (page: PageRef) => void;
  onDiff: (page: PageRef, ends: DiffEnds) => void;
}) {
  const changes = useMainQuery('getSnapshotChanges', { snapshotId: snapshot.id });
  if (changes.state === 'loading' || changes.state === 'idle') return <span className="timeline__changes muted">{h.loading}</span>;
  if (changes.state !== 'ready') return <ProblemLine message={changes.problem} prefix={h.problem} />;
  const { value } = changes;
  if (!value.since) return <span className="timeline__changes muted">{h.first}</span>;
  const { added, removed, edited } = value.counts;
  if (added + removed + edited === 0) return <span className="timeline__changes muted">{h.none}</span>;
  return (
    <details className="timeline__changes" data-testid="snapshot-changes">
      <summary aria-label={h.summaryLabel(added, removed, edited)}>
        {added > 0 && <span className="change change--added">{h.added(added)}</span>}
        {edited > 0 && <span className="change change--edited">{h.edited(edited)}</span>}
        {removed > 0 && <span className="change change--removed">{h.removed(removed)}</span>}
        <span className="timeline__disclose">{h.show}</span>
      </summary>
      <ChangedPages title={h.removedTitle} pages={value.removed} total={removed} onVersions={onVersions} />
      <ChangedPages title={h.addedTitle} pages={value.added} total={added} onVersions={onVersions} />
      <ChangedPages
        title={h.editedTitle}
        pages={value.edited}
        total={edited}
        onVersions={onVersions}
        onDiff={(page) => onDiff(page, { from: value.since!, to: { snapshotId: snapshot.id, time: snapshot.time } })}
      />
    </details>
  );
}

function ChangedPages({
  title,
  pages,
  total,
  onVersions,
  onDiff,
}: {
  title: string;
  pages: readonly PageRef[];
  total: number;
  onVersions: (page: PageRef) => void;
  /** Edited pages: what changed in them between the two snapshots. */
  onDiff?: (page: PageRef) => void;
}) {
  if (total === 0) return null;
  return (
    <div className="changed-pages">
      <h4>{title}</h4>
      <ul>
        {pages.map((page) => (
          <li key={page.id}>
            <button type="button" className="link-button" onClick={() => onVersions(page)} aria-label={historyStrings.search.versionsLabel(page.title || strings.snapshots.untitled)}>
              {page.emoji && <span aria-hidden="true">{page.emoji} </span>}
              {page.title.trim() || strings.snapshots.untitled}
            </button>
            {onDiff && page.object === 'page' && (
              <>
                {' · '}
                <button type="button" className="link-button" onClick={() => onDiff(page)} aria-label={h.diffLabel(page.title || strings.snapshots.untitled)}>
                  {h.diff}
                </button>
              </>
            )}
          </li>
        ))}
        {total > pages.length && <li className="muted">{h.more(total - pages.length)}</li>}
      </ul>
    </div>
  );
}
