import { randomUUID } from 'node:crypto';
import type { StoredBlock } from '../snapshot/format';
import { NotionCallError } from '../notion/retry';
import { findAppendedBlocks } from './append-check';
import type { Unit } from './append-units';
import { MAX_BLOCKS_PER_REQUEST, MAX_BYTES_PER_REQUEST, MAX_CHILDREN, payloadsOf, unitFor, waitsForOriginal, isSyncedCopy } from './append-units';
import type { AppendPosition, BlockObjectRequest } from './convert';
import { convertBlock } from './convert';
import type { Container, RestoreRun } from './run';

/** Created by the caller as pages.create / databases.create: they end up where they were in the page. */
export interface ObjectCreators {
  childPage(container: Container, block: StoredBlock): Promise<void>;
  /** `place`: where the block stands among its container's children (a linked database is placed there later). */
  childDatabase(container: Container, block: StoredBlock, place: { index: number; siblings: StoredBlock[] }): Promise<void>;
  /** What to restore in place of a stored block: itself, a link for a page that lived inside a block, or nothing. */
  standInFor(container: Container, block: StoredBlock): StoredBlock[] | Promise<StoredBlock[]>;
}

/**
 * Appends the stored children of a container in order, 100 per request with their own children
 * inline (two levels per request), creating child pages and databases where they stand. Deeper levels
 * follow once their parents exist. Anything the journal says exists is skipped, so a resumed restore
 * creates nothing twice.
 */
export async function restoreChildren(run: RestoreRun, container: Container, stored: StoredBlock[], creators: ObjectCreators): Promise<void> {
  const blocks: StoredBlock[] = [];
  for (const block of stored) blocks.push(...(await creators.standInFor(container, block)));
  const context = run.convertContext();
  let batch: Unit[] = [];
  const created: Unit[] = [];

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const units = batch;
    batch = [];
    // Resuming: later siblings may exist already, so the batch goes right after its previous sibling.
    const lastIndex = units.at(-1)?.index ?? blocks.length;
    const laterExists = blocks.slice(lastIndex + 1).some((block) => run.isCreated(block.id));
    const position = laterExists ? await positionBefore(run, container, blocks, units[0]?.index ?? 0) : undefined;
    await appendUnits(run, container, units, position);
    created.push(...units);
  };

  for (const [index, block] of blocks.entries()) {
    run.checkCancelled();
    if (block.type === 'child_page' || block.type === 'child_database') {
      await flush();
      if (block.type === 'child_page') await creators.childPage(container, block);
      else await creators.childDatabase(container, block, { index, siblings: blocks });
      continue;
    }
    const original = isSyncedCopy(block);
    // A synced copy waits for its original, unless the snapshot holds the copy's own content (its
    // original was outside the backup).
    const copyWaits = original !== undefined && !run.newIdFor(original) && !run.finalPass && (await run.reader.ownBlockChildren(container.dir, block.id)) === undefined;
    if (!run.isCreated(block.id) && (copyWaits || run.forwardReferences(block).length > 0)) {
      await flush();
      run.deferred.push({ container, block, index, siblings: blocks });
      continue;
    }
    if (run.isCreated(block.id)) {
      // Created before an interruption: only its deeper content may be missing. A batch holds
      // consecutive siblings only, so what is pending goes first. A synced original stays one, so
      // its copies still link to it.
      await flush();
      if (block.type === 'synced_block' && !original) run.syncedOriginals.add(block.id);
      created.push(await unitFor(run, container, block, run.convertContext(true)));
      continue;
    }
    if (block.type === 'synced_block' && !original) run.syncedOriginals.add(block.id);
    await run.uploader.uploadFrom(container.dir, (ref) => ref === `block:${block.id}` || ref === `block:${block.id}:icon`);
    const unit = await unitFor(run, container, block, context);
    if (!unit.converted.payload) continue;
    const pending = batch.reduce((sum, item) => sum + item.unitIds.length, 0);
    const pendingBlocks = batch.reduce((sum, item) => sum + item.blockCount, 0);
    const pendingBytes = batch.reduce((sum, item) => sum + item.bytes, 0);
    if (
      pending + unit.unitIds.length > MAX_CHILDREN ||
      pendingBlocks + unit.blockCount > MAX_BLOCKS_PER_REQUEST ||
      pendingBytes + unit.bytes > MAX_BYTES_PER_REQUEST
    ) {
      await flush();
    }
    unit.index = index;
    batch.push(unit);
  }
  await flush();
  await restoreDeeperLevels(run, container, blocks, created, creators);
}

/**
 * Appends a batch. When Notion refuses it (400: an embed from an unsupported provider, say), the batch
 * is split to find the block it refuses, and that block alone is replaced by a note, so one odd block
 * never stops a restore.
 */
async function appendUnits(run: RestoreRun, container: Container, units: Unit[], position?: AppendPosition): Promise<void> {
  try {
    await appendUnitsOnce(run, container, units, position);
  } catch (error) {
    if (!(error instanceof NotionCallError) || error.failure.status !== 400) throw error;
    if (units.length > 1) {
      const middle = Math.ceil(units.length / 2);
      await appendUnits(run, container, units.slice(0, middle), position);
      const lastNew = run.newIdFor(units[middle - 1]?.unitIds.at(-1) ?? '');
      const next: AppendPosition | undefined = position && lastNew ? { type: 'after_block', after_block: { id: lastNew } } : position;
      await appendUnits(run, container, units.slice(middle), next);
      return;
    }
    const [unit] = units;
    if (!unit || unit.degraded) throw error;
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    run.recordLoss({ kind: 'block-converted', objectId: unit.block.id, detail: `Notion refused this ${unit.block.type} block (${reason}); a note stands in its place` });
    Object.assign(unit, {
      converted: { payload: refusedBlockNote(unit.block.type), continuation: [], acceptsChildren: false },
      unitIds: [unit.block.id],
      inline: [],
      inlineColumns: new Map(),
      rest: [],
      blockCount: 1,
      degraded: true,
    });
    await appendUnitsOnce(run, container, [unit], position);
  }
}

function refusedBlockNote(type: string): BlockObjectRequest {
  return {
    type: 'paragraph',
    paragraph: {
      rich_text: [{ type: 'text', text: { content: `Not restored: this ${type} block was refused by Notion.` }, annotations: { italic: true, color: 'gray' } }],
    },
  };
}

async function appendUnitsOnce(run: RestoreRun, container: Container, units: Unit[], position?: AppendPosition): Promise<void> {
  const payloads: BlockObjectRequest[] = [];
  for (const unit of units) payloads.push(...(await payloadsOf(run, container, unit)));
  const oldIds = units.flatMap((unit) => unit.unitIds);
  const landed = (): Promise<string[] | undefined> => appendedAnyway(run, container, payloads, position);
  const newIds = await run.create(`append:${container.oldId}:${oldIds[0] ?? ''}`, landed, () => run.writer.append(container.newId, payloads, landed, position));
  await run.journal.record({ type: 'appended', container: container.oldId, oldIds, newIds });
  for (const unit of units) {
    if (unit.inline.length > 0) {
      await run.journal.record({ type: 'appended', container: unit.block.id, oldIds: unit.inline.map((child) => child.id), newIds: [] });
    }
    for (const [columnId, columnChildren] of unit.inlineColumns) {
      await run.journal.record({ type: 'appended', container: columnId, oldIds: columnChildren.map((child) => child.id), newIds: [] });
    }
    run.counts.blocks += unit.blockCount;
  }
  run.changed();
}

function needsId(unit: Unit, run: RestoreRun): boolean {
  return (unit.block.has_children && unit.converted.acceptsChildren && !waitsForOriginal(run, unit.block)) || (unit.block.type === 'synced_block' && !isSyncedCopy(unit.block));
}

/**
 * The children of each created block: those sent inline are already there (the journal says so) and
 * are only descended into; the rest are appended. Recursion does the same one level down.
 */
async function restoreDeeperLevels(run: RestoreRun, container: Container, stored: StoredBlock[], units: Unit[], creators: ObjectCreators): Promise<void> {
  if (units.some((unit) => needsId(unit, run) && !run.newIdFor(unit.block.id))) await learnIdsByPosition(run, container, stored);
  for (const unit of units) {
    if (!needsId(unit, run) || !unit.block.has_children || waitsForOriginal(run, unit.block)) continue;
    const newId = run.newIdFor(unit.block.id);
    if (!newId) {
      run.recordLoss({ kind: 'other', objectId: unit.block.id, detail: 'the block was created but could not be found again to add its children' });
      continue;
    }
    const childContainer = blockContainer(container, unit.block, newId);
    const children = (await run.reader.blockChildren(container.dir, unit.block.id)) ?? [];
    await restoreChildren(run, childContainer, children, creators);
  }
}

/**
 * Blocks created inside another request come back without ids: list the parent's children and line
 * them up with the snapshot's, by position and type.
 */
async function learnIdsByPosition(run: RestoreRun, container: Container, stored: StoredBlock[]): Promise<void> {
  if (stored.every((block) => run.newIdFor(block.id))) return;
  const listed = await run.writer.listChildren(container.newId);
  if (run.writer.dryRun) {
    // Nothing was created: pretend every block is where it should be, so the dry run walks on.
    const missing = stored.filter((block) => !run.newIdFor(block.id));
    await run.journal.record({ type: 'appended', container: container.oldId, oldIds: missing.map((block) => block.id), newIds: missing.map(() => randomUUID()) });
    return;
  }
  const context = run.convertContext(true);
  let cursor = 0;
  const learned: { oldIds: string[]; newIds: string[] } = { oldIds: [], newIds: [] };
  for (const block of stored) {
    const converted = convertBlock(block, context);
    const type = converted.payload?.type;
    if (!type) continue;
    while (cursor < listed.length && listed[cursor]?.type !== type) cursor += 1;
    const match = listed[cursor];
    if (!match) break;
    learned.oldIds.push(block.id);
    learned.newIds.push(match.id);
    cursor += 1 + converted.continuation.length;
  }
  if (learned.oldIds.length > 0) await run.journal.record({ type: 'appended', container: container.oldId, ...learned });
}

/**
 * Deferred blocks, once what they refer to exists: each is inserted right after the sibling it
 * followed (or first), in stored order, and its children follow.
 */
export async function insertDeferredBlocks(run: RestoreRun, creators: ObjectCreators): Promise<void> {
  const pending = run.deferred.splice(0).sort((a, b) => a.container.oldId.localeCompare(b.container.oldId) || a.index - b.index);
  const context = run.convertContext();
  for (const item of pending) {
    run.checkCancelled();
    if (run.isCreated(item.block.id)) continue;
    await run.uploader.uploadFrom(item.container.dir, (ref) => ref === `block:${item.block.id}` || ref === `block:${item.block.id}:icon`);
    const unit = await unitFor(run, item.container, item.block, context);
    if (!unit.converted.payload) continue;
    const position = await positionBefore(run, item.container, item.siblings, item.index);
    const payloads = [unit.converted.payload, ...unit.converted.continuation];
    const landed = (): Promise<string[] | undefined> => appendedAnyway(run, item.container, payloads, position);
    const key = `append:${item.container.oldId}:${unit.unitIds[0] ?? ''}`;
    const newIds = await run.create(key, landed, () => run.writer.append(item.container.newId, payloads, landed, position));
    await run.journal.record({ type: 'appended', container: item.container.oldId, oldIds: unit.unitIds, newIds });
    run.counts.blocks += payloads.length;
    if (item.block.has_children && unit.converted.acceptsChildren && !waitsForOriginal(run, item.block) && newIds[0]) {
      const children = (await run.reader.blockChildren(item.container.dir, item.block.id)) ?? [];
      const childContainer = blockContainer(item.container, item.block, newIds[0]);
      await restoreChildren(run, childContainer, children, creators);
    }
  }
  run.changed();
}

/** The request failed ambiguously: if the blocks are there now, they are adopted instead of appended twice. */
async function appendedAnyway(run: RestoreRun, container: Container, payloads: BlockObjectRequest[], position: AppendPosition | undefined): Promise<string[] | undefined> {
  const listed = await run.writer.listChildren(container.newId);
  return findAppendedBlocks(listed, payloads, position, new Set(run.journal.newIds.values()));
}

/**
 * Where to insert the stored child at `index`: right after the nearest earlier sibling that exists; at
 * the start when only later ones exist; at the end (no position) when none does, so a column's
 * placeholder paragraph stays first whichever way the restore got there.
 */
export async function positionBefore(run: RestoreRun, container: Container, siblings: StoredBlock[], index: number): Promise<AppendPosition | undefined> {
  for (let before = index - 1; before >= 0; before -= 1) {
    const sibling = siblings[before];
    if (!sibling || !run.isCreated(sibling.id)) continue;
    if (!run.newIdFor(sibling.id)) await learnIdsByPosition(run, container, siblings);
    const id = run.newIdFor(sibling.id);
    if (id) return { type: 'after_block', after_block: { id } };
  }
  return siblings.slice(index + 1).some((sibling) => run.isCreated(sibling.id)) ? { type: 'start' } : undefined;
}

/** The container of a block's children, one level below `parent`. */
function blockContainer(parent: Container, block: StoredBlock, newId: string): Container {
  return {
    oldId: block.id,
    newId,
    dir: `${parent.dir}/${block.id}`,
    pageOldId: parent.pageOldId,
    topBlockOldId: parent.topBlockOldId ?? block.id,
    blockType: block.type,
  };
}
