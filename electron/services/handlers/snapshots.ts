import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContractHandlers, ResultOf } from '../../../shared/ipc/contract';
import { SnapshotTreeSchema } from '../../../shared/ipc/app-schemas';
import { describeJobError } from '../../engine/jobs/job-errors';
import { localCopyOf } from '../../engine/jobs/backup-mirror';
import { localFirstSource, plakarSource } from '../../engine/snapshot/plakar-source';
import { iconEmoji } from '../../engine/snapshot/format';
import { buildPagePreview } from '../../engine/snapshot/preview';
import { SnapshotReader } from '../../engine/snapshot/reader';
import type { ServiceContext } from '../service-context';

type SnapshotHandlers = Pick<ContractHandlers, 'getSnapshotTree' | 'getPagePreview'>;
type Tree = Extract<ResultOf<'getSnapshotTree'>, { status: 'ok' }>;

/**
 * Browsing a snapshot without restoring it: its tree of titles is read once (plakar cat index.json, or
 * a walk for the official connector's snapshots) and cached, since a snapshot never changes; a page
 * preview reads just that page's files. The newest snapshot is read from the backup's local copy
 * when there is one (no plakar command at all).
 */
export function snapshotServices(context: ServiceContext): SnapshotHandlers {
  const readers = new Map<string, Promise<SnapshotReader>>();
  const cacheDir = path.join(context.config.dataDir, 'cache', 'snapshots');

  const reader = (snapshotId: string): Promise<SnapshotReader> => {
    let cached = readers.get(snapshotId);
    if (!cached) {
      cached = context.store().then(async (store) => {
        const fromStore = plakarSource(store, snapshotId);
        const copy = await localCopyOf(context.config.dataDir, store.location, snapshotId);
        return SnapshotReader.open(copy ? localFirstSource(copy, fromStore) : fromStore);
      });
      cached.catch(() => readers.delete(snapshotId));
      readers.set(snapshotId, cached);
    }
    return cached;
  };

  const treeOf = (snapshot: SnapshotReader): Tree => {
    const manifest = snapshot.manifest;
    return {
      status: 'ok',
      entries: snapshot.index().map((entry) => ({
        id: entry.id,
        object: entry.object,
        title: entry.title,
        emoji: iconEmoji(entry.icon ?? undefined),
        parentId: entry.parentId,
        isRow: entry.isRow,
      })),
      summary: manifest
        ? {
            mode: manifest.mode,
            startedAt: manifest.startedAt,
            counts: manifest.counts,
            unreachable: manifest.unreachable.length,
            unsupportedBlocks: manifest.unsupportedBlocks.length,
            failedFiles: manifest.failedFiles.length,
            warnings: manifest.warnings,
          }
        : null,
    };
  };

  return {
    async getSnapshotTree({ snapshotId }) {
      const file = path.join(cacheDir, `${snapshotId}.json`);
      try {
        const cachedTree = SnapshotTreeSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
        if (cachedTree.success) return cachedTree.data;
      } catch {
        // not cached yet
      }
      try {
        const tree = treeOf(await reader(snapshotId));
        await mkdir(cacheDir, { recursive: true, mode: 0o700 });
        await writeFile(file, JSON.stringify(tree), { mode: 0o600 });
        return tree;
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    async getPagePreview({ snapshotId, pageId }) {
      try {
        const snapshot = await reader(snapshotId);
        const entry = snapshot.entry(pageId);
        if (!entry || entry.object !== 'page') return { status: 'problem', message: 'That page is not in this snapshot.' };
        return { status: 'ok', ...(await buildPagePreview(snapshot, entry)) };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },
  };
}
