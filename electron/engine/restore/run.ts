import type { StoredBlock } from '../snapshot/format';
import { blockPayload } from '../snapshot/format';
import { arrayOf, recordOf, stringOf } from '../snapshot/json-values';
import type { SnapshotReader } from '../snapshot/reader';
import type { ConvertContext, LossRecord } from './convert';
import type { RestoreJournal } from './journal';
import type { NotionWriter } from './notion-writer';
import type { UploadService } from './upload-service';

export interface RestoreCounts {
  pages: number;
  databases: number;
  rows: number;
  blocks: number;
  files: number;
  comments: number;
  /** views of restored databases and of linked databases */
  views: number;
}

/** A block container being filled: a page, or a block whose children are being appended. */
export interface Container {
  oldId: string;
  newId: string;
  /** Snapshot directory where the children's own block directories live. */
  dir: string;
  /** The page that owns this content (for comments, losses). */
  pageOldId: string;
  /** For a block container: the first-level block of the page it lies in, and its own block type. */
  topBlockOldId?: string;
  blockType?: string;
}

/**
 * A block that refers to something not created yet (a synced copy before its original, a link or
 * mention of a page further down): inserted after its sibling once everything exists.
 */
export interface DeferredBlock {
  container: Container;
  block: StoredBlock;
  /** Position among the container's stored children, to insert deferred blocks in order. */
  index: number;
  /** The container's stored children, to find the nearest created sibling when inserting. */
  siblings: StoredBlock[];
}

/** Everything one restore run shares: the snapshot, the journal, the writer and the results so far. */
export class RestoreRun {
  readonly counts: RestoreCounts = { pages: 0, databases: 0, rows: 0, blocks: 0, files: 0, comments: 0, views: 0 };
  readonly losses: LossRecord[] = [];
  readonly deferred: DeferredBlock[] = [];
  /** Old ids of every page, row and database in the restore (links to anything else become text). */
  readonly inRestore: Set<string>;
  /** Old synced-original block ids in the restore, so copies can wait for them. */
  readonly syncedOriginals = new Set<string>();
  /** The restore target and what it holds, when the snapshot contains it (restorer.leaveOutTarget). */
  readonly leftOut = new Set<string>();
  /** Ids of the target workspace's custom emojis (icons using one of them stay custom emojis). */
  readonly customEmojis = new Set<string>();
  /** Set once everything that can exist does: blocks no longer wait (references left become text). */
  finalPass = false;

  constructor(
    readonly reader: SnapshotReader,
    readonly journal: RestoreJournal,
    readonly writer: NotionWriter,
    readonly uploader: UploadService,
    readonly userMap: ReadonlyMap<string, string>,
    inRestore: Iterable<string>,
    readonly signal: AbortSignal | undefined,
    private readonly progress: () => void,
  ) {
    this.inRestore = new Set(inRestore);
  }

  newIdFor(oldId: string): string | undefined {
    return this.journal.newIds.get(oldId) || undefined;
  }

  /** Pages, databases or synced originals in the restore that this block refers to and that do not exist yet. */
  forwardReferences(block: StoredBlock): string[] {
    if (this.finalPass) return [];
    return referencedIds(block).filter((id) => (this.inRestore.has(id) || this.syncedOriginals.has(id)) && !this.newIdFor(id));
  }

  /**
   * Sends one create, known by a key that names it across runs (`page:<old id>`, `append:<container>:<first
   * block>`…). The journal notes it first: if this run dies before the answer is recorded, the next run
   * asks `landed` whether it was created anyway and adopts it instead of creating it twice.
   */
  async create<T>(key: string, landed: () => Promise<T | undefined>, send: () => Promise<T>): Promise<T> {
    if (this.journal.unfinished === key) {
      this.journal.unfinished = undefined;
      const found = await landed();
      if (found !== undefined) return found;
    }
    await this.journal.record({ type: 'sending', key });
    return send();
  }

  isCreated(oldId: string): boolean {
    return this.journal.created.has(oldId);
  }

  recordLoss(loss: LossRecord): void {
    this.losses.push(loss);
  }

  checkCancelled(): void {
    if (this.signal?.aborted) throw this.signal.reason;
  }

  changed(): void {
    this.progress();
  }

  /** The conversion context the pure converters see; `silent` for converting a block a second time. */
  convertContext(silent = false): ConvertContext {
    return {
      newIdFor: (oldId) => (this.inRestore.has(oldId) || this.syncedOriginals.has(oldId) ? this.newIdFor(oldId) : undefined),
      titleOf: (oldId) => this.reader.entry(oldId)?.title,
      userFor: (oldUserId) => this.userMap.get(oldUserId),
      uploadFor: (ref) => this.uploader.idFor(ref),
      customEmojiExists: (id) => this.customEmojis.has(id),
      recordLoss: (loss) => {
        if (!silent) this.recordLoss(loss);
      },
    };
  }
}

/** Ids a block points at: synced original, link_to_page target, page and database mentions. */
export function referencedIds(block: StoredBlock): string[] {
  const ids: string[] = [];
  const body = blockPayload(block);
  const synced = stringOf(recordOf(body.synced_from).block_id);
  if (block.type === 'synced_block' && synced) ids.push(synced);
  if (block.type === 'link_to_page') {
    for (const id of [stringOf(body.page_id), stringOf(body.database_id)]) if (id) ids.push(id);
  }
  const mentions = (items: unknown): void => {
    for (const item of arrayOf(items).map(recordOf)) {
      if (item.type !== 'mention') continue;
      const mention = recordOf(item.mention);
      const id = stringOf(recordOf(mention.page).id) ?? stringOf(recordOf(mention.database).id);
      if (id) ids.push(id);
    }
  };
  mentions(body.rich_text);
  mentions(body.caption);
  arrayOf(body.cells).forEach(mentions);
  return ids;
}
