import type { ContractHandlers } from '../../../shared/ipc/contract';
import type { PageRef } from '../../../shared/ipc/history-schemas';
import { CHANGES_LISTED } from '../../../shared/ipc/history-schemas';
import { describeJobError } from '../../engine/jobs/job-errors';
import { compareRecords, isMassDeletion, MASS_DELETION_TAG, pageHistory, searchTitles } from '../../engine/snapshot/snapshot-history';
import { diffPages } from '../../engine/snapshot/page-diff';
import { buildPagePreview } from '../../engine/snapshot/preview';
import { searchText } from '../../engine/snapshot/text-search';
import type { SnapshotLibrary } from '../snapshot-library';
import { predecessorOf } from '../snapshot-library';

type HistoryHandlers = Pick<ContractHandlers, 'getSnapshotChanges' | 'getPageVersions' | 'searchSnapshots' | 'getPageDiff'>;

const byTitle = (a: PageRef, b: PageRef) => a.title.localeCompare(b.title);
const listed = (pages: PageRef[]) => [...pages].sort(byTitle).slice(0, CHANGES_LISTED);

/** The snapshots over time: the timeline's "what changed", the versions of a page, search across snapshots. */
export function historyServices(library: SnapshotLibrary): HistoryHandlers {
  return {
    async getSnapshotChanges({ snapshotId }) {
      try {
        const all = await library.list();
        const snapshot = all.find((candidate) => candidate.id === snapshotId);
        if (!snapshot) return { status: 'problem', message: 'That snapshot is no longer in the store.' };
        const previous = predecessorOf(snapshot, all);
        if (!previous) {
          return { status: 'ok', since: null, counts: { added: 0, removed: 0, edited: 0 }, added: [], removed: [], edited: [], massDeletion: false };
        }
        const [older, newer] = await Promise.all([library.record(previous.id), library.record(snapshot.id)]);
        const changes = compareRecords(older, newer);
        return {
          status: 'ok',
          since: { snapshotId: previous.id, time: previous.time },
          counts: { added: changes.added.length, removed: changes.removed.length, edited: changes.edited.length },
          added: listed(changes.added),
          removed: listed(changes.removed),
          edited: listed(changes.edited),
          massDeletion: snapshot.tags.includes(MASS_DELETION_TAG) || isMassDeletion(older.entries.length, changes.removed.length),
        };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    async getPageVersions({ pageId }) {
      try {
        return { status: 'ok', ...pageHistory(pageId, await library.dated(await library.list())) };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    async getPageDiff({ pageId, fromSnapshotId, toSnapshotId }) {
      try {
        const previews = await Promise.all(
          [fromSnapshotId, toSnapshotId].map(async (snapshotId) => {
            const snapshot = await library.reader(snapshotId);
            const entry = snapshot.entry(pageId);
            if (entry?.object !== 'page') return undefined;
            await library.preparePage(snapshotId, snapshot, entry);
            return buildPagePreview(snapshot, entry);
          }),
        );
        const [older, newer] = previews;
        if (!older || !newer) return { status: 'problem', message: 'That page is not in both snapshots.' };
        return { status: 'ok', ...diffPages(older, newer) };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    async searchSnapshots({ query }) {
      try {
        const listing = await library.list();
        const records = await library.dated(listing);
        const { matches, truncated } = searchTitles(query, records);
        await library.indexTextOfLocalCopies(listing);
        const text = await searchText(library.text, query, records);
        return { status: 'ok', matches, truncated, snapshots: records.length, text: { matches: text.matches, truncated: text.truncated, notIndexed: text.notIndexed } };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },
  };
}
