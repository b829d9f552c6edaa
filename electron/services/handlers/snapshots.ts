import type { ContractHandlers } from '../../../shared/ipc/contract';
import { describeJobError } from '../../engine/jobs/job-errors';
import { buildDatabasePreview, buildPagePreview } from '../../engine/snapshot/preview';
import { SnapshotViews } from '../../engine/snapshot/views';
import type { SnapshotLibrary } from '../snapshot-library';

type SnapshotHandlers = Pick<ContractHandlers, 'getSnapshotTree' | 'getPagePreview'>;

/**
 * Browsing a snapshot without restoring it: its tree of titles comes from the snapshot catalog (read
 * once: plakar cat index.json, or a walk for the official connector's snapshots); a page preview
 * reads just that page's files (a database's, its views). The newest snapshot is read from the backup's local copy when there
 * is one (no plakar command at all).
 */
export function snapshotServices(library: SnapshotLibrary): SnapshotHandlers {
  return {
    async getSnapshotTree({ snapshotId }) {
      try {
        const record = await library.record(snapshotId);
        return {
          status: 'ok',
          entries: record.entries.map(({ id, object, title, emoji, parentId, isRow }) => ({ id, object, title, emoji, parentId, isRow })),
          summary: record.summary,
        };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    async getPagePreview({ snapshotId, pageId }) {
      try {
        const snapshot = await library.reader(snapshotId);
        const entry = snapshot.entry(pageId);
        if (!entry) return { status: 'problem', message: 'That page is not in this snapshot.' };
        if (entry.object === 'database') return { status: 'ok', ...(await buildDatabasePreview(snapshot, entry)) };
        await library.preparePage(snapshotId, snapshot, entry);
        const views = new SnapshotViews(snapshot, (paths) => library.prefetch(snapshotId, paths));
        return { status: 'ok', ...(await buildPagePreview(snapshot, entry, views)) };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },
  };
}
