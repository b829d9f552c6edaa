// A crawl that resumes (docs/snapshot-format.md, "Resuming an interrupted backup"): each page whose
// own tree is completely written is recorded, one JSON line in checkpoint.jsonl beside the tree. A
// rerun into the same tree reuses those pages in place, as an incremental crawl reuses a previous
// snapshot's, and fetches the rest.
import { createReadStream } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { z } from 'zod';
import type { IndexEntry, SyncedBlockEntry, UnreachableEntry, UnsupportedBlockEntry } from '../../snapshot/format';
import { indexEntrySchema, syncedBlockEntrySchema, unreachableEntrySchema, unsupportedBlockEntrySchema } from '../../snapshot/format';
import { safePathSchema } from '../../snapshot/untrusted';
import type { SnapshotWriter } from '../../snapshot/writer';
import type { CheckpointRecorder, CrawlState, ReusableTree } from './context';
import type { CopiedLinkedViews } from './own-tree';
import { copyOwnTreeFiles } from './own-tree';
import { SpilledMap } from './spill-file';
import { StoredFiles } from './stored-files';
import { EDIT_TIME_SAFETY_MARGIN_MS } from './previous-snapshot';

export const CHECKPOINT_FILE = 'checkpoint.jsonl';

const childSchema = z.object({ id: z.string(), object: z.enum(['page', 'database']), path: safePathSchema });
export type CheckpointChild = z.infer<typeof childSchema>;

const lineSchema = z.object({
  entry: indexEntrySchema,
  /** The pages and databases whose blocks stand in the page's own tree. */
  children: z.array(childSchema),
  unsupported: z.array(unsupportedBlockEntrySchema),
  unreachable: z.array(unreachableEntrySchema),
  syncedBlocks: z.array(syncedBlockEntrySchema),
  /** A page with a file that failed to download is fetched again (as an incremental run does). */
  failedFiles: z.boolean(),
});
type CheckpointLine = z.infer<typeof lineSchema>;

/**
 * Counts the tasks writing a page's own tree (the page itself, then each block folder) and records the
 * page once the last one is done. A task that fails never ends: the crawl stops, the page is not recorded.
 */
export class PageTracker {
  private pending = 1;
  readonly children: CheckpointChild[] = [];

  constructor(private readonly complete: () => Promise<void>) {}

  begin(): void {
    this.pending += 1;
  }

  async end(): Promise<void> {
    this.pending -= 1;
    if (this.pending === 0) await this.complete();
  }
}

/** Appends the pages whose own tree is written; `reset` starts a new checkpoint. */
export class CheckpointWriter implements CheckpointRecorder {
  constructor(private readonly file: string) {}

  static async open(dir: string, options: { reset: boolean }): Promise<CheckpointWriter> {
    const file = path.join(dir, CHECKPOINT_FILE);
    if (options.reset) await writeFile(file, '', { mode: 0o600 });
    return new CheckpointWriter(file);
  }

  /** Records a page of the tree as complete, with what the manifest says about its own tree. */
  async record(state: CrawlState, entry: IndexEntry, children: Array<Pick<IndexEntry, 'id' | 'object' | 'path'>>): Promise<void> {
    const line: CheckpointLine = {
      entry,
      children: children.map(({ id, object, path: dir }) => ({ id, object, path: dir })),
      unsupported: [...state.unsupportedBlocks.ofPage(entry.id)],
      // Block folders that could not be listed; nested pages and databases are visited again on reuse.
      unreachable: state.unreachable.ofPage(entry.id).filter((item) => item.object === 'block' || !children.some((child) => child.id === item.id)),
      syncedBlocks: [
        ...state.syncedBlocks.ofPage(entry.id).filter((item) => item.syncedFrom === null),
        // A copy's children are written at the end of the crawl, so none are stored yet: recorded as a
        // mirror, it is written again (from its original, or listed through the copy) when reused.
        ...state.syncedCopies
          .ofPage(entry.id)
          .map((copy): SyncedBlockEntry => ({ blockId: copy.blockId, pageId: copy.pageId, path: copy.dir, syncedFrom: copy.originalId, children: 'mirror' })),
      ],
      failedFiles: state.failedFiles.ofPage(entry.id).length > 0,
    };
    // One write per line: a kill loses at most the line being written, which then does not parse.
    await appendFile(this.file, `${JSON.stringify(line)}\n`, { mode: 0o600 });
  }
}

function parsedLine(raw: string): CheckpointLine | undefined {
  if (raw.trim() === '') return undefined;
  try {
    return lineSchema.parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/**
 * The pages an interrupted crawl completed in `treeDir`, reused in place by the next crawl into the
 * same tree. A page is reused when Notion still gives its recorded edit time, under the incremental
 * rule (docs/snapshot-format.md, "Incremental backups"): the interrupted crawl started at least two
 * minutes after that time.
 */
export class CheckpointTree implements ReusableTree {
  /** Each page's line waits in a spill file, read back by id: a 100,000-page checkpoint is about 100 MB. */
  private readonly byId: SpilledMap<CheckpointLine>;
  /** The line read last: reusing a page asks for it several times in a row. */
  private last: CheckpointLine | undefined;

  /** Looked up only when the interrupted crawl completed some page. */
  private files = StoredFiles.none();

  private constructor(
    private readonly treeDir: string,
    private readonly startedAt: number,
    spillDir: string,
  ) {
    this.byId = new SpilledMap('checkpoint-lines', spillDir);
  }

  /**
   * Reads the checkpoint a line at a time. Lines that do not parse (the last one, cut by a kill) are
   * skipped; a checkpoint that cannot be read (none yet) gives what was read of it, maybe nothing.
   * When the completed pages' files cannot be listed, the pages are still reused (their files are in
   * their own trees); only a page fetched again downloads its files instead of linking them.
   */
  static async load(dir: string, treeDir: string, startedAt: string): Promise<CheckpointTree> {
    const tree = new CheckpointTree(treeDir, Date.parse(startedAt), dir);
    try {
      for await (const raw of createInterface({ input: createReadStream(path.join(dir, CHECKPOINT_FILE), { encoding: 'utf8' }), crlfDelay: Infinity })) {
        const line = parsedLine(raw);
        if (line) tree.byId.set(line.entry.id, line);
      }
    } catch {
      // nothing more to read
    }
    if (tree.size > 0) tree.files = await StoredFiles.collect(treeDir, dir).catch(() => StoredFiles.none());
    return tree;
  }

  get size(): number {
    return this.byId.size;
  }

  entry(id: string): IndexEntry | undefined {
    return this.line(id)?.entry;
  }

  childrenOf(id: string): CheckpointChild[] {
    return this.line(id)?.children ?? [];
  }

  canReuse(id: string, lastEditedTime: string | undefined): boolean {
    const line = this.line(id);
    if (!line?.entry.stats || !lastEditedTime || line.entry.lastEditedTime !== lastEditedTime || line.failedFiles) return false;
    return this.startedAt - Date.parse(lastEditedTime) >= EDIT_TIME_SAFETY_MARGIN_MS;
  }

  unreachableFrom(pageId: string): UnreachableEntry[] {
    return this.line(pageId)?.unreachable ?? [];
  }

  unsupportedBlocksOf(pageId: string): UnsupportedBlockEntry[] {
    return this.line(pageId)?.unsupported ?? [];
  }

  syncedBlocksOf(pageId: string): SyncedBlockEntry[] {
    return this.line(pageId)?.syncedBlocks ?? [];
  }

  findFile(sourceKey: string): ReturnType<ReusableTree['findFile']> {
    return this.files.find(sourceKey);
  }

  /** Releases its spill files. */
  close(): void {
    this.files.close();
    this.byId.close();
    this.last = undefined;
  }

  private line(id: string): CheckpointLine | undefined {
    if (this.last?.entry.id === id) return this.last;
    this.last = this.byId.get(id);
    return this.last;
  }

  /** In place when the page did not move (nothing to copy); else copied from where it was. */
  async copyOwnTree(entry: IndexEntry, writer: SnapshotWriter, newDir: string): Promise<CopiedLinkedViews[]> {
    const linked: CopiedLinkedViews[] = [];
    await copyOwnTreeFiles(path.join(this.treeDir, entry.path), writer.absolute(newDir), newDir, linked);
    return linked;
  }
}
