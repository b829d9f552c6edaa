import { BackButton } from '../../components/BackButton';
import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { CallStatus } from '../../components/CallStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatDateTime } from '../../format-date';
import { strings } from '../../strings';
import { historyStrings } from '../../strings-history';
import { useMainQuery } from '../../use-main';
import type { DiffEnds } from './PageDiff';

const v = historyStrings.versions;

/** Every version of one page across the snapshots, newest first, each to preview or restore. */
export function PageVersions({
  page,
  onBack,
  onPreview,
  onRestore,
  onCompare,
}: {
  page: PageRef;
  onBack: () => void;
  onPreview: (snapshotId: string) => void;
  onRestore: (snapshotId: string, saveAs?: 'markdown') => void;
  onCompare: (ends: DiffEnds) => void;
}) {
  const versions = useMainQuery('getPageVersions', { pageId: page.id });
  const title = (versions.state === 'ready' ? versions.value.page?.title : page.title)?.trim() || strings.snapshots.untitled;
  return (
    <div className="screen screen--wide">
      <BackButton label={v.back} onBack={onBack} />
      <ScreenHeading>
        {page.emoji && <span aria-hidden="true">{page.emoji} </span>}
        {v.title(title)}
      </ScreenHeading>
      <p className="lead">{v.lead}</p>
      <CallStatus call={versions} loading={v.loading} problemPrefix={v.problem} skeleton={4} />
      {versions.state === 'ready' && (
        <>
          {!versions.value.inLatest && versions.value.versions.length > 0 && <p className="card warning-card">{v.gone}</p>}
          {versions.value.versions.length === 0 && <p className="muted">{v.none}</p>}
          <ol className="versions" data-testid="page-versions">
            {versions.value.versions.map((version, position, all) => {
              const date = formatDateTime(version.time);
              const before = all[position + 1];
              return (
                <li key={version.snapshotId} className="versions__item">
                  <div>
                    <p className="versions__date">
                      <time dateTime={version.time}>{date}</time>
                      {position === 0 && versions.value.inLatest && <span className="tag">{v.newest}</span>}
                    </p>
                    <p className="muted">
                      {version.title.trim() || strings.snapshots.untitled} ·{' '}
                      {version.lastEditedTime ? v.edited(formatDateTime(version.lastEditedTime)) : v.editedUnknown}
                      {version.snapshotIds.length > 1 && ` · ${v.sameIn(version.snapshotIds.length)}`}
                    </p>
                  </div>
                  <div className="versions__actions">
                    {page.object === 'page' && before && (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={v.compareLabel(date)}
                        onClick={() => onCompare({ from: { snapshotId: before.snapshotId, time: before.time }, to: { snapshotId: version.snapshotId, time: version.time } })}
                      >
                        {v.compare}
                      </button>
                    )}
                    {page.object === 'page' && (
                      <button type="button" className="button button--secondary" aria-label={v.previewLabel(date)} onClick={() => onPreview(version.snapshotId)}>
                        {v.preview}
                      </button>
                    )}
                    <button type="button" className="button button--secondary" aria-label={v.restoreLabel(date)} onClick={() => onRestore(version.snapshotId)}>
                      {v.restore}
                    </button>
                    {page.object === 'page' && (
                      <button type="button" className="button button--secondary" aria-label={v.saveAsLabel(date)} onClick={() => onRestore(version.snapshotId, 'markdown')}>
                        {v.saveAs}
                      </button>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </div>
  );
}
