import { useMemo } from 'react';
import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { formatDateTime, formatTime } from '../../format-date';
import { strings } from '../../strings';
import { historyStrings } from '../../strings-history';
import type { SnapshotRow } from './snapshot-helpers';
import { groupByDay, timesNeedingSeconds, visibleTags } from './snapshot-helpers';
import type { DiffEnds } from './PageDiff';
import { SnapshotChanges } from './SnapshotChanges';

const s = strings.snapshots;

/** The store's snapshots by day, each with what changed since the one before and its actions. */
export function SnapshotTimeline({
  snapshots,
  now,
  onOpen,
  onRestore,
  onVersions,
  onDiff,
}: {
  snapshots: readonly SnapshotRow[];
  now: Date;
  onOpen: (snapshot: SnapshotRow) => void;
  onRestore: (snapshot: SnapshotRow) => void;
  onVersions: (page: PageRef) => void;
  onDiff: (page: PageRef, ends: DiffEnds) => void;
}) {
  const days = useMemo(() => groupByDay(snapshots, now, historyStrings.days), [snapshots, now]);
  const withSeconds = useMemo(() => timesNeedingSeconds(snapshots), [snapshots]);
  return (
    <div className="timeline" data-testid="snapshot-list" aria-label={historyStrings.timelineLabel} role="region">
      {days.map((day) => (
        <section key={day.key} className="timeline__day" aria-labelledby={`day-${day.key}`}>
          <h3 id={`day-${day.key}`} className="timeline__day-title">
            {day.label}
          </h3>
          <ol className="timeline__list">
            {day.snapshots.map((snapshot) => {
              const date = formatDateTime(snapshot.time);
              const tags = visibleTags(snapshot.tags).filter((tag) => !tag.startsWith('alert='));
              return (
                <li key={snapshot.id} className={`timeline__item${snapshot.massDeletion ? ' timeline__item--alert' : ''}`} data-testid="snapshot-row">
                  <time className="timeline__time" dateTime={snapshot.time} title={date}>
                    {formatTime(snapshot.time, { seconds: withSeconds.has(snapshot.id) })}
                  </time>
                  <div className="timeline__body">
                    <p className="timeline__facts">
                      <span>{snapshot.mode ? s.mode[snapshot.mode] : s.mode.unknown}</span>
                      <span aria-hidden="true"> · </span>
                      <span>{strings.format.bytes(snapshot.sizeBytes)}</span>
                      {!snapshot.ours && <span className="tag">{s.notOurs}</span>}
                      {tags.map((tag) => (
                        <span key={tag} className="tag">
                          {tag}
                        </span>
                      ))}
                      {snapshot.massDeletion && (
                        <span className="tag tag--alert" title={historyStrings.massDeletionHint}>
                          {historyStrings.massDeletion}
                        </span>
                      )}
                    </p>
                    <SnapshotChanges snapshot={snapshot} onVersions={onVersions} onDiff={onDiff} />
                  </div>
                  <div className="timeline__actions">
                    <button type="button" className="button button--secondary" aria-label={s.openLabel(date)} onClick={() => onOpen(snapshot)}>
                      {s.open}
                    </button>
                    <button type="button" className="button button--secondary" aria-label={s.restoreLabel(date)} onClick={() => onRestore(snapshot)}>
                      {s.restore}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
