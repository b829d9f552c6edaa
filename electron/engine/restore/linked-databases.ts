import type { StoredBlock, StoredView } from '../snapshot/format';
import { blockPayload } from '../snapshot/format';
import { stringOf } from '../snapshot/json-values';
import { findAppendedBlocks } from './append-check';
import type { AppendPosition, BlockObjectRequest } from './convert';
import { positionBefore } from './content';
import { describeObject, inStep } from './refusals';
import type { Container, RestoreRun } from './run';
import type { PropertyMaps } from './views-remap';
import type { ViewSchemas } from './view-writes';
import { writeView } from './view-writes';

/** A linked database met in the content: a child_database block showing data sources that live elsewhere. */
interface LinkedDatabase {
  container: Container;
  block: StoredBlock;
  views: StoredView[];
  /** Where it stood among the container's children (a first-level block), or undefined inside a block. */
  place?: { index: number; siblings: StoredBlock[] };
}

/**
 * Linked databases (linked_views.json) are recreated once every database and schema exists (their
 * views may show a restored data source and its relations, rollups and formulas): the first view with
 * `create_database` right after the block that stood before it, the others on the new linked database.
 * Each view shows the restored data source when its database was restored, else the original one when
 * the target workspace still shares it; when no view can be shown, a note stands where it was.
 */
export class LinkedDatabases {
  private readonly pending = new Map<string, LinkedDatabase>();

  constructor(private readonly run: RestoreRun) {}

  /** True (and queued) when the block is a linked database whose views the snapshot holds. */
  async claim(container: Container, block: StoredBlock, place?: LinkedDatabase['place']): Promise<boolean> {
    if (block.type !== 'child_database' || this.run.reader.entry(block.id)) return false;
    const views = (await this.run.reader.linkedViews(container.dir))[block.id];
    if (!views || views.length === 0) return false;
    if (!this.pending.has(block.id)) this.pending.set(block.id, { container, block, views, ...(place ? { place } : {}) });
    return true;
  }

  async restoreAll(schemas: ViewSchemas): Promise<void> {
    for (const item of this.pending.values()) {
      this.run.checkCancelled();
      await this.restore(item, schemas);
    }
    this.pending.clear();
  }

  private async restore(item: LinkedDatabase, schemas: ViewSchemas): Promise<void> {
    const { run } = this;
    const pageNewId = item.place ? item.container.newId : run.newIdFor(item.container.pageOldId);
    if (!pageNewId) return;
    const title = titleOf(item.block);
    const owner = (): string => `the linked view "${title}" on ${describeObject(run.reader, item.container.pageOldId, 'page')}`;
    const resolved: Array<{ view: StoredView; dataSourceId: string; maps: PropertyMaps }> = [];
    for (const view of item.views) {
      const oldSource = view.data_source_id ?? '';
      const restored = run.newIdFor(oldSource);
      const maps = restored ? await schemas.forRestored(oldSource, restored) : oldSource ? await schemas.forOriginal(oldSource) : undefined;
      if (maps) resolved.push({ view, dataSourceId: restored ?? oldSource, maps });
      else run.recordLoss({ kind: 'link-outside-restore', objectId: item.block.id, detail: `the view "${view.name}" of ${owner()} shows a database that is neither restored nor shared with the integration; it was left out` });
    }
    const position = await this.positionOf(item, pageNewId, title);
    if (resolved.length === 0) return this.note(item, pageNewId, position, title);
    let databaseId = await this.knownDatabase(item, resolved.map((entry) => entry.view.id));
    for (const entry of resolved) {
      const target = databaseId
        ? { database_id: databaseId }
        : { create_database: { parent: { type: 'page_id', page_id: pageNewId }, ...(position ? { position: { type: 'after_block', block_id: position.after_block.id } } : {}) } };
      const known = new Set(run.journal.newIds.values());
      const existing = databaseId;
      const created = await writeView(run, {
        ...entry,
        target,
        ownerId: item.block.id,
        owner,
        databaseToCheck: async () =>
          existing ?? (await run.writer.listChildren(pageNewId)).filter((block) => block.type === 'child_database' && !known.has(block.id)).at(-1)?.id,
      });
      if (created && !databaseId) {
        databaseId = created.databaseId;
        await run.journal.record({ type: 'created', kind: 'database', oldId: item.block.id, newId: databaseId });
      }
    }
    if (!databaseId) await this.note(item, pageNewId, position, title);
  }

  /** The linked database made by an earlier run: journaled, or found through its first view. */
  private async knownDatabase(item: LinkedDatabase, viewIds: string[]): Promise<string | undefined> {
    const journaled = this.run.newIdFor(item.block.id);
    if (journaled) return journaled;
    const firstView = viewIds.map((id) => this.run.newIdFor(id)).find((id) => id !== undefined);
    if (!firstView) return undefined;
    const databaseId = (await this.run.writer.retrieveView(firstView)).databaseId;
    await this.run.journal.record({ type: 'created', kind: 'database', oldId: item.block.id, newId: databaseId });
    return databaseId;
  }

  /** Right after the block that stood before it; inside a block, right after the first-level block that held it. */
  private async positionOf(item: LinkedDatabase, pageNewId: string, title: string): Promise<{ type: 'after_block'; after_block: { id: string } } | undefined> {
    const { run } = this;
    if (item.place) {
      const position = await positionBefore(run, item.container, item.place.siblings, item.place.index);
      if (position?.type === 'after_block') return position;
      if (position?.type === 'start' && !run.newIdFor(item.block.id)) {
        run.recordLoss({ kind: 'object-moved', objectId: item.block.id, detail: `the linked view "${title}" stood first on its page; Notion places a linked database only after a block, so it is at the end` });
      }
      return undefined;
    }
    const top = item.container.topBlockOldId ?? '';
    run.recordLoss({
      kind: 'object-moved',
      objectId: item.block.id,
      detail: `the linked view "${title}" lived inside a ${(item.container.blockType ?? 'block').replace(/_/g, ' ')}; Notion cannot place databases inside blocks, so it is right after that block`,
    });
    const anchor = run.newIdFor(top);
    return anchor && pageNewId ? { type: 'after_block', after_block: { id: anchor } } : undefined;
  }

  /** A visible note where a linked view stood when none of its views could be shown. */
  private async note(item: LinkedDatabase, pageNewId: string, position: AppendPosition | undefined, title: string): Promise<void> {
    const { run } = this;
    const step = `linked-note:${item.block.id}`;
    if (run.journal.doneSteps.has(step)) return;
    const note = [linkedNote(title)];
    const landed = async (): Promise<string[] | undefined> => findAppendedBlocks(await run.writer.listChildren(pageNewId), note, position, new Set(run.journal.newIds.values()));
    await inStep(
      () => `the note for the linked view "${title}"`,
      () => run.create(`note:${item.block.id}`, landed, () => run.writer.append(pageNewId, note, landed, position)),
    );
    await run.journal.record({ type: 'done', step });
  }
}

function titleOf(block: StoredBlock): string {
  return stringOf(blockPayload(block).title) || 'Untitled';
}

function linkedNote(title: string): BlockObjectRequest {
  const text = `Not restored: the linked view "${title}". The database it shows is not in this restore and is not shared with the integration in this workspace.`.slice(0, 1900);
  return {
    type: 'callout',
    callout: { rich_text: [{ type: 'text', text: { content: text } }], icon: { type: 'emoji', emoji: '⚠️' }, color: 'gray_background' },
  };
}
