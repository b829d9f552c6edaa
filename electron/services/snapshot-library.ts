import path from 'node:path';
import PQueue from 'p-queue';
import { APP_TAG } from '../engine/jobs/backup-plan';
import { localCopyOf } from '../engine/jobs/backup-mirror';
import { openStoredSnapshot } from '../engine/jobs/stored-snapshot';
import type { SnapshotListEntry } from '../engine/plakar/parse';
import type { CatalogRecord } from '../engine/snapshot/catalog';
import { SnapshotCatalog } from '../engine/snapshot/catalog';
import type { IndexEntry } from '../engine/snapshot/format';
import type { PrefetchingSource } from '../engine/snapshot/prefetch-source';
import { ownFilesOf } from '../engine/snapshot/prefetch-source';
import type { SnapshotReader } from '../engine/snapshot/reader';
import { TextIndex } from '../engine/snapshot/text-index';
import type { DatedRecord } from '../engine/snapshot/snapshot-history';
import type { ServiceContext } from './service-context';
import { removeTree } from '../engine/fs/remove-tree';

/** How long a listing of the store is reused (a finished job forgets it at once). */
const LISTING_TTL_MS = 10_000;
/** Snapshots opened at once when many are missing from the catalog (each is a few plakar commands). */
const OPEN_AT_ONCE = 2;

/**
 * The store's snapshots as the app reads them: the listing, an opened snapshot (its reader, from the
 * backup's local copy when it is the newest), and each snapshot's catalog record. Snapshots never
 * change, so readers and records are kept; only the listing goes stale.
 */
export class SnapshotLibrary {
  private readonly readers = new Map<string, Promise<SnapshotReader>>();
  /** The store-backed sources of opened snapshots without a local copy, which can read many files at once. */
  private readonly prefetching = new Map<string, PrefetchingSource>();
  private readonly records = new Map<string, CatalogRecord>();
  private listing: { at: number; snapshots: Promise<SnapshotListEntry[]> } | undefined;
  /** Snapshots missing from the catalog are opened a few at a time, whoever asks. */
  private readonly opening = new PQueue({ concurrency: OPEN_AT_ONCE });
  /** Snapshots whose text was looked for on this machine (indexTextOfLocalCopies). */
  private readonly textChecked = new Set<string>();
  readonly catalog: SnapshotCatalog;
  /** Kept in memory once searched: a second search reads only what backups added since. */
  readonly text: TextIndex;

  constructor(private readonly context: ServiceContext) {
    this.catalog = SnapshotCatalog.inDataDir(context.config.dataDir);
    this.text = TextIndex.inDataDir(context.config.dataDir);
    // The per-snapshot tree cache of earlier versions, which the catalog replaced.
    void removeTree(path.join(context.config.dataDir, 'cache', 'snapshots')).catch(() => undefined);
    context.events.on('jobFinished', () => this.forgetListing());
  }

  forgetListing(): void {
    this.listing = undefined;
  }

  /** The store's snapshots, newest first. */
  async list(): Promise<SnapshotListEntry[]> {
    const now = Date.now();
    if (!this.listing || now - this.listing.at > LISTING_TTL_MS) {
      const snapshots = this.context.store().then((store) => store.listSnapshots());
      snapshots.catch(() => this.forgetListing());
      this.listing = { at: now, snapshots };
    }
    return this.listing.snapshots;
  }

  reader(snapshotId: string): Promise<SnapshotReader> {
    let cached = this.readers.get(snapshotId);
    if (!cached) {
      cached = this.context.store().then(async (store) => {
        const { reader, prefetching } = await openStoredSnapshot(store, this.context.config.dataDir, snapshotId);
        if (prefetching) this.prefetching.set(snapshotId, prefetching);
        return reader;
      });
      cached.catch(() => this.readers.delete(snapshotId));
      this.readers.set(snapshotId, cached);
    }
    return cached;
  }

  /**
   * Before reading a page of a snapshot held only in the store: its own folder tree is listed and
   * its JSON files fetched in two plakar commands, instead of one per file.
   */
  async preparePage(snapshotId: string, reader: SnapshotReader, entry: IndexEntry): Promise<void> {
    const source = this.prefetching.get(snapshotId);
    if (!source) return;
    const indexedDirs = new Set(reader.index().map((item) => item.path));
    indexedDirs.delete(entry.path);
    await source.prefetchFolder(entry.path, ownFilesOf(entry.path, indexedDirs));
  }

  /** Before reading these JSON files of a snapshot held only in the store: one plakar command for all of them. */
  async prefetch(snapshotId: string, paths: string[]): Promise<void> {
    await this.prefetching.get(snapshotId)?.prefetch(paths);
  }

  async record(snapshotId: string): Promise<CatalogRecord> {
    const kept = this.records.get(snapshotId);
    if (kept) return kept;
    const record = await this.catalog.load(snapshotId, () => this.opening.add(() => this.reader(snapshotId)));
    this.records.set(snapshotId, record);
    return record;
  }

  /**
   * Snapshots without text on this machine are indexed when their tree is here anyway (the backup's
   * local copy); others would have to be restored whole, so they stay out of text search.
   */
  async indexTextOfLocalCopies(snapshots: readonly SnapshotListEntry[]): Promise<void> {
    const store = await this.context.store();
    for (const snapshot of snapshots) {
      // Asked once per snapshot: a newer backup indexes its own snapshot, and a snapshot never changes.
      if (this.textChecked.has(snapshot.id)) continue;
      this.textChecked.add(snapshot.id);
      if (await this.text.pagesOf(snapshot.id)) continue;
      if (!(await localCopyOf(this.context.config.dataDir, store.location, snapshot.id))) continue;
      await this.text.add(snapshot.id, await this.reader(snapshot.id));
    }
  }

  /** The records of these snapshots, with their dates. */
  async dated(snapshots: readonly SnapshotListEntry[]): Promise<DatedRecord[]> {
    return Promise.all(snapshots.map(async (snapshot) => ({ snapshot: { id: snapshot.id, time: snapshot.time }, record: await this.record(snapshot.id) })));
  }
}

/**
 * Which snapshots follow one another: ours by their `source=` tag (the workspace and the chosen
 * pages), others (plakar's own connector) by the folder they were taken of.
 */
export function lineageOf(snapshot: SnapshotListEntry): string {
  if (!snapshot.tags.includes(APP_TAG)) return `folder:${path.posix.normalize(snapshot.directory)}`;
  return snapshot.tags.find((tag) => tag.startsWith('source=')) ?? 'source:unknown';
}

/** The snapshot made just before `snapshot` in its lineage, if any. */
export function predecessorOf(snapshot: SnapshotListEntry, all: readonly SnapshotListEntry[]): SnapshotListEntry | undefined {
  const lineage = lineageOf(snapshot);
  return all
    .filter((other) => other.id !== snapshot.id && lineageOf(other) === lineage && other.time < snapshot.time)
    .sort((a, b) => b.time.localeCompare(a.time))[0];
}
