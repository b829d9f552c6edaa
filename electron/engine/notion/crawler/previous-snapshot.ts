import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { IndexEntry, SyncedBlockEntry, UnreachableEntry, UnsupportedBlockEntry } from '../../snapshot/format';
import { indexEntrySchema, storedManifestSchema } from '../../snapshot/format';
import { forEachJsonArrayElement } from '../../snapshot/json-array';
import type { SnapshotWriter } from '../../snapshot/writer';
import { ByPageList } from './by-page';
import type { CopiedLinkedViews } from './own-tree';
import { copyOwnTreeFiles } from './own-tree';
import { SpilledMap } from './spill-file';
import type { StoredFile } from './stored-files';
import { StoredFiles } from './stored-files';

/** Notion rounds edit times down to the minute; an edit this close to the last crawl may not show. */
export const EDIT_TIME_SAFETY_MARGIN_MS = 2 * 60_000;

// What an incremental crawl reads of the previous snapshot, which comes from the store: its paths and
// file names are checked as the reader checks them (they are copied from); ids are only looked up, and
// the manifest's lists may be absent.
const previousManifestSchema = storedManifestSchema
  .pick({ format: true, startedAt: true, unsupportedBlocks: true, failedFiles: true, syncedBlocks: true, unreachable: true })
  .partial({ unsupportedBlocks: true, failedFiles: true, syncedBlocks: true, unreachable: true });
type PreviousManifest = z.infer<typeof previousManifestSchema>;
const previousEntrySchema = indexEntrySchema.extend({ id: z.string() });

/**
 * The last good snapshot of the same source, restored into a private temporary directory, read by an
 * incremental crawl to reuse what did not change (docs/snapshot-format.md, "Incremental backups").
 */
export class PreviousSnapshot {
  /** Its index entries wait in a spill file, read back by id: about 100 bytes each in memory, not 800. */
  private readonly byId: SpilledMap<IndexEntry>;
  private readonly children = new Map<string, string[]>();
  private readonly pagesWithFailedFiles: Set<string>;
  // The manifest's lists by page: looked up for every reused page.
  private readonly unreachable: ByPageList<UnreachableEntry>;
  private readonly unsupportedBlocks: ByPageList<UnsupportedBlockEntry>;
  private readonly syncedBlocks: ByPageList<SyncedBlockEntry>;

  private constructor(
    readonly root: string,
    readonly snapshotId: string,
    private readonly manifest: PreviousManifest,
    private readonly files: StoredFiles,
    spillDir: string | undefined,
  ) {
    this.byId = new SpilledMap('previous-index', spillDir);
    this.pagesWithFailedFiles = new Set((manifest.failedFiles ?? []).map((failure) => failure.pageId));
    this.unreachable = ByPageList.of(manifest.unreachable ?? [], (item) => item.referencedFrom);
    this.unsupportedBlocks = ByPageList.of(manifest.unsupportedBlocks ?? [], (item) => item.pageId);
    this.syncedBlocks = ByPageList.of(manifest.syncedBlocks ?? [], (item) => item.pageId);
  }

  /**
   * Reads a restored snapshot; undefined when it is not one of ours or its manifest or index does not
   * parse (then the run is a full crawl). `spillDir` is a private folder for its spill file (the job's
   * staging), never the snapshot's own tree.
   */
  static async load(root: string, snapshotId: string, spillDir?: string): Promise<PreviousSnapshot | undefined> {
    let manifest: PreviousManifest;
    try {
      manifest = previousManifestSchema.parse(JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')));
    } catch {
      return undefined;
    }
    const previous = new PreviousSnapshot(root, snapshotId, manifest, await StoredFiles.collect(root, spillDir), spillDir);
    try {
      // An entry at a time, each spilled as it is parsed: memory never holds the list.
      await forEachJsonArrayElement(createReadStream(path.join(root, 'index.json')), (value) => previous.add(previousEntrySchema.parse(value)));
      return previous;
    } catch {
      // not there, not JSON, or an element that is not an entry
      previous.close();
      return undefined;
    }
  }

  private add(entry: IndexEntry): void {
    this.byId.set(entry.id, entry);
    if (!entry.parentId) return;
    const siblings = this.children.get(entry.parentId);
    if (siblings) siblings.push(entry.id);
    else this.children.set(entry.parentId, [entry.id]);
  }

  entry(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }

  childrenOf(id: string): IndexEntry[] {
    return (this.children.get(id) ?? []).map((child) => this.entry(child)).filter((entry): entry is IndexEntry => entry !== undefined);
  }

  /** Releases the spill files and what memory kept of the snapshot (the job keeps this object until it ends). */
  close(): void {
    this.byId.close();
    this.files.close();
    this.children.clear();
  }

  /** Same edit time as before, not edited close to the previous crawl, and nothing failed last time. */
  canReuse(id: string, lastEditedTime: string | undefined): boolean {
    const entry = this.entry(id);
    if (!entry?.stats || !lastEditedTime || entry.lastEditedTime !== lastEditedTime) return false;
    if (this.pagesWithFailedFiles.has(id)) return false;
    const previousStart = Date.parse(this.manifest.startedAt);
    return previousStart - Date.parse(lastEditedTime) >= EDIT_TIME_SAFETY_MARGIN_MS;
  }

  /**
   * What the page's own blocks pointed at and could not be read (a linked database not shared with
   * the integration, say): a reused page does not ask again, so it keeps saying so.
   */
  unreachableFrom(pageId: string): UnreachableEntry[] {
    return [...this.unreachable.ofPage(pageId)];
  }

  unsupportedBlocksOf(pageId: string): UnsupportedBlockEntry[] {
    return [...this.unsupportedBlocks.ofPage(pageId)];
  }

  /** The synced blocks with stored children in the page's own tree, as the manifest listed them. */
  syncedBlocksOf(pageId: string): SyncedBlockEntry[] {
    return [...this.syncedBlocks.ofPage(pageId)];
  }

  findFile(sourceKey: string): StoredFile | undefined {
    return this.files.find(sourceKey);
  }

  /**
   * Copies an object's own files (JSON, sidecars, stored files, block directories) to its new place,
   * leaving out nested pages and databases: those are visited, and reused or fetched, on their own.
   */
  async copyOwnTree(entry: IndexEntry, writer: SnapshotWriter, newDir: string): Promise<CopiedLinkedViews[]> {
    const linked: CopiedLinkedViews[] = [];
    await copyOwnTreeFiles(path.join(this.root, entry.path), writer.absolute(newDir), newDir, linked);
    return linked;
  }
}
