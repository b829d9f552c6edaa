import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FileDescriptor, IndexEntry, SyncedBlockEntry, UnreachableEntry, UnsupportedBlockEntry } from '../../snapshot/format';
import { filesFileSchema, indexEntrySchema, LINKED_VIEWS_FILE, linkedViewsFileSchema, storedManifestSchema } from '../../snapshot/format';
import type { SnapshotWriter } from '../../snapshot/writer';
import { linkOrCopy } from './link-or-copy';

/** Notion rounds edit times down to the minute; an edit this close to the last crawl may not show. */
export const EDIT_TIME_SAFETY_MARGIN_MS = 2 * 60_000;

// What an incremental crawl reads of the previous snapshot, which comes from the store: its paths and
// file names are checked as the reader checks them (they are copied from); ids are only looked up, and
// the manifest's lists may be absent.
const previousManifestSchema = storedManifestSchema
  .pick({ format: true, startedAt: true, unsupportedBlocks: true, failedFiles: true, syncedBlocks: true, unreachable: true })
  .partial({ unsupportedBlocks: true, failedFiles: true, syncedBlocks: true, unreachable: true });
type PreviousManifest = z.infer<typeof previousManifestSchema>;
const previousIndexSchema = z.array(indexEntrySchema.extend({ id: z.string() }));

/**
 * The last good snapshot of the same source, restored into a private temporary directory, read by an
 * incremental crawl to reuse what did not change (docs/snapshot-format.md, "Incremental backups").
 */
export class PreviousSnapshot {
  private readonly byId = new Map<string, IndexEntry>();
  private readonly children = new Map<string, IndexEntry[]>();
  private readonly pagesWithFailedFiles: Set<string>;

  private constructor(
    readonly root: string,
    readonly snapshotId: string,
    private readonly manifest: PreviousManifest,
    entries: IndexEntry[],
    private readonly files: Map<string, { absolutePath: string; descriptor: FileDescriptor }>,
  ) {
    for (const entry of entries) {
      this.byId.set(entry.id, entry);
      if (entry.parentId) {
        const list = this.children.get(entry.parentId) ?? [];
        list.push(entry);
        this.children.set(entry.parentId, list);
      }
    }
    this.pagesWithFailedFiles = new Set((manifest.failedFiles ?? []).map((failure) => failure.pageId));
  }

  /**
   * Reads a restored snapshot; undefined when it is not one of ours or its manifest or index does not
   * parse (then the run is a full crawl).
   */
  static async load(root: string, snapshotId: string): Promise<PreviousSnapshot | undefined> {
    let manifest: PreviousManifest;
    let entries: IndexEntry[];
    try {
      manifest = previousManifestSchema.parse(JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8')));
      entries = previousIndexSchema.parse(JSON.parse(await readFile(path.join(root, 'index.json'), 'utf8')));
    } catch {
      return undefined;
    }
    const files = new Map<string, { absolutePath: string; descriptor: FileDescriptor }>();
    await collectFiles(root, '', files);
    return new PreviousSnapshot(root, snapshotId, manifest, entries, files);
  }

  entry(id: string): IndexEntry | undefined {
    return this.byId.get(id);
  }

  childrenOf(id: string): IndexEntry[] {
    return this.children.get(id) ?? [];
  }

  /** Same edit time as before, not edited close to the previous crawl, and nothing failed last time. */
  canReuse(id: string, lastEditedTime: string | undefined): boolean {
    const entry = this.byId.get(id);
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
    return (this.manifest.unreachable ?? []).filter((entry) => entry.referencedFrom === pageId);
  }

  unsupportedBlocksOf(pageId: string): UnsupportedBlockEntry[] {
    return (this.manifest.unsupportedBlocks ?? []).filter((entry) => entry.pageId === pageId);
  }

  /** The synced blocks with stored children in the page's own tree, as the manifest listed them. */
  syncedBlocksOf(pageId: string): SyncedBlockEntry[] {
    return (this.manifest.syncedBlocks ?? []).filter((entry) => entry.pageId === pageId);
  }

  findFile(sourceKey: string): { absolutePath: string; descriptor: FileDescriptor } | undefined {
    return this.files.get(sourceKey);
  }

  /**
   * Copies an object's own files (JSON, sidecars, stored files, block directories) to its new place,
   * leaving out nested pages and databases: those are visited, and reused or fetched, on their own.
   */
  async copyOwnTree(entry: IndexEntry, writer: SnapshotWriter, newDir: string): Promise<CopiedLinkedViews[]> {
    const linked: CopiedLinkedViews[] = [];
    await copyTree(path.join(this.root, entry.path), writer.absolute(newDir), newDir, linked);
    return linked;
  }
}

/** A linked_views.json copied with a reused page: its new directory and the linked databases it names. */
export interface CopiedLinkedViews {
  dir: string;
  blockIds: string[];
}

async function copyTree(from: string, to: string, relativeTo: string, linked: CopiedLinkedViews[]): Promise<void> {
  await mkdir(to, { recursive: true, mode: 0o700 });
  for (const item of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, item.name);
    if (item.isDirectory()) {
      if (await holdsObject(source)) continue;
      await copyTree(source, path.join(to, item.name), `${relativeTo}/${item.name}`, linked);
    } else if (item.isFile()) {
      await linkOrCopy(source, path.join(to, item.name));
      if (item.name === LINKED_VIEWS_FILE) linked.push({ dir: relativeTo, blockIds: await linkedDatabaseIds(source) });
    }
  }
}

/** The linked databases a previous linked_views.json names; none when it is damaged (they are then lost). */
async function linkedDatabaseIds(file: string): Promise<string[]> {
  try {
    return Object.keys(linkedViewsFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))));
  } catch {
    return [];
  }
}

/** True when the directory holds a page or a database (page.json or database.json). */
export async function holdsObject(dir: string): Promise<boolean> {
  for (const name of ['page.json', 'database.json']) {
    try {
      await stat(path.join(dir, name));
      return true;
    } catch {
      // not there
    }
  }
  return false;
}

async function collectFiles(
  root: string,
  relative: string,
  files: Map<string, { absolutePath: string; descriptor: FileDescriptor }>,
): Promise<void> {
  const dir = path.join(root, relative);
  const items = await readdir(dir, { withFileTypes: true });
  if (items.some((item) => item.isFile() && item.name === 'files.json')) {
    try {
      const index = filesFileSchema.parse(JSON.parse(await readFile(path.join(dir, 'files.json'), 'utf8')));
      for (const descriptor of Object.values(index)) {
        files.set(descriptor.sourceKey, { absolutePath: path.join(dir, descriptor.file), descriptor });
      }
    } catch {
      // a damaged files.json only costs a re-download
    }
  }
  for (const item of items) if (item.isDirectory()) await collectFiles(root, path.join(relative, item.name), files);
}
