import type { SnapshotReader } from '../snapshot/reader';
import type { IndexEntry } from '../snapshot/format';
import type { LossRecord } from './convert';
import { buildFormulaRequest, buildRelationRequest, buildRollupRequest } from './convert';
import type { RestoreJournal } from './journal';
import type { NotionWriter } from './notion-writer';
import { insertDeferredBlocks } from './content';
import type { DatabasePlan } from './database-plan';
import { ObjectRestorer } from './objects';
import { describeObject, inStep, isRefusal, RefusedObjects, refusalReason } from './refusals';
import type { RestoreCounts } from './run';
import { RestoreRun } from './run';
import type { UploadService } from './upload-service';
import { ViewSchemas } from './view-writes';
import { restoreDatabaseViews } from './views';

export interface RestoreOptions {
  reader: SnapshotReader;
  writer: NotionWriter;
  journal: RestoreJournal;
  uploader: UploadService;
  /** Old user id → user id in the target workspace (matched by email). */
  userMap: ReadonlyMap<string, string>;
  /** The existing page everything is restored under (new id space). */
  targetPageId: string;
  /** Old ids of pages/databases to restore with their subtrees; empty = the whole snapshot. */
  selection: string[];
  signal?: AbortSignal | undefined;
  onProgress?: (counts: RestoreCounts) => void;
}

export interface RestoreSummary {
  created: RestoreCounts;
  /** New ids of the restored top-level objects, with their URLs when Notion gave them. */
  roots: Array<{ oldId: string; newId: string; url: string | null; title: string }>;
  losses: LossRecord[];
  requests: number;
  resumed: boolean;
}

export class SelectionError extends Error {
  override readonly name = 'SelectionError';
}

/** Selected entries, without those already inside another selected one. */
export function resolveSelection(reader: SnapshotReader, selection: string[]): IndexEntry[] {
  const ids = selection.length > 0 ? selection : reader.content.map((entry) => entry.id);
  const entries = ids.map((id) => {
    const entry = reader.entry(id);
    if (!entry) throw new SelectionError(`The snapshot has no page or database with id ${id}.`);
    return entry;
  });
  return entries.filter((entry) => !entries.some((other) => other !== entry && entry.path.startsWith(`${other.path}/`)));
}

/**
 * A snapshot of the workspace being restored into may hold the target page itself. Restoring it would
 * copy the target into itself, so it is left out: when it is one of the selected roots, what it holds
 * (its sub-pages and databases) is restored into it instead; when it lies deeper, it and what it holds
 * are skipped. Either way the report says so.
 */
export function leaveOutTarget(
  reader: SnapshotReader,
  selected: IndexEntry[],
  targetPageId: string,
): { selected: IndexEntry[]; leftOut: Set<string>; note: LossRecord | undefined } {
  const target = reader.entry(targetPageId);
  if (!target || !selected.some((entry) => entry.id === target.id || target.path.startsWith(`${entry.path}/`))) {
    return { selected, leftOut: new Set(), note: undefined };
  }
  const leftOut = new Set(reader.subtree(target.id).map((entry) => entry.id));
  if (selected.some((entry) => entry.id === target.id)) {
    const inside = reader.index().filter((entry) => entry.parentId === target.id && !entry.isRow);
    for (const entry of inside) for (const item of reader.subtree(entry.id)) leftOut.delete(item.id);
    return {
      selected: [...selected.filter((entry) => entry.id !== target.id), ...inside],
      leftOut,
      note: {
        kind: 'other',
        objectId: target.id,
        detail: `the restore target "${target.title}" is itself in the snapshot: it was not created again inside itself; the ${inside.length} pages and databases it held were restored into it, its own content was not (restore into another page to get that back)`,
      },
    };
  }
  return {
    selected,
    leftOut,
    note: {
      kind: 'other',
      objectId: target.id,
      detail: `the restore target "${target.title}" is inside what was restored: it and the ${leftOut.size - 1} pages and databases in it were left out, so the target is not copied into itself`,
    },
  };
}

/**
 * Rebuilds the selection under the target page in the order Notion needs: pages and databases in tree
 * order (content batched, child pages and databases created where they stood), synced copies after
 * their originals, then relations, rollups and formulas, then rows, relation values and comments.
 */
export async function restoreSnapshot(options: RestoreOptions): Promise<RestoreSummary> {
  const { selected, leftOut, note } = leaveOutTarget(options.reader, resolveSelection(options.reader, options.selection), options.targetPageId);
  const inRestore = selected.flatMap((entry) => options.reader.subtree(entry.id).map((item) => item.id)).filter((id) => !leftOut.has(id));
  const run = new RestoreRun(
    options.reader,
    options.journal,
    options.writer,
    options.uploader,
    options.userMap,
    inRestore,
    options.signal,
    () => options.onProgress?.({ ...run.counts, files: options.uploader.count }),
  );
  for (const id of leftOut) run.leftOut.add(id);
  if (note) run.recordLoss(note);
  for (const id of await options.writer.listCustomEmojiIds()) run.customEmojis.add(id);
  const objects = new ObjectRestorer(run);

  for (const entry of selected) {
    if (entry.object === 'database') await objects.restoreDatabase(entry, options.targetPageId);
    else {
      if (entry.isRow) {
        run.recordLoss({ kind: 'other', objectId: entry.id, detail: 'a database row restored on its own becomes a page; its property values are not kept' });
      }
      await objects.restorePage(entry, options.targetPageId);
    }
  }
  await finishSchemas(run, objects.databases);
  const viewSchemas = new ViewSchemas(run, objects.databases);
  await restoreDatabaseViews(run, objects.databases, viewSchemas);
  for (const database of objects.databases) await objects.restoreRows(database);
  // Rows' content may hold linked databases too; every data source and schema exists by now.
  await objects.linked.restoreAll(viewSchemas);
  // Everything that can be referred to exists now: blocks that waited for their targets go in.
  run.finalPass = true;
  while (run.deferred.length > 0) await insertDeferredBlocks(run, objects);
  await restoreRelationValues(run, objects);
  await objects.restoreComments();

  for (const failure of options.uploader.failures) run.recordLoss({ kind: 'file-not-available', objectId: failure.ref, detail: failure.reason });
  return {
    created: { ...run.counts, files: options.uploader.count },
    roots: selected.map((entry) => ({
      oldId: entry.id,
      newId: run.newIdFor(entry.id) ?? '',
      url: options.journal.urls.get(entry.id) ?? null,
      title: entry.title,
    })),
    losses: run.losses,
    requests: options.writer.requests(),
    resumed: options.journal.resumed,
  };
}

/**
 * Relations of every data source first (a two-way pair is created once, from one side, and appears on
 * both), then rollups (they need the relations, whichever side created them), then formulas (they may
 * use rollups).
 */
async function finishSchemas(run: RestoreRun, databases: DatabasePlan[]): Promise<void> {
  const sources = databases.flatMap((database) => database.sources.map((source) => ({ ...source, database })));
  const dropped = new Map<string, Set<string>>();
  const phase = async (name: string, build: (source: DatabasePlan['sources'][number]) => Record<string, unknown>): Promise<void> => {
    for (const source of sources) {
      const step = `schema-${name}:${source.oldId}`;
      if (run.journal.doneSteps.has(step)) continue;
      const properties = build(source);
      if (Object.keys(properties).length > 0) await updateSchema(run, source.database, source, properties);
      await run.journal.record({ type: 'done', step });
    }
  };
  await phase('relations', (source) => {
    const properties: Record<string, unknown> = {};
    for (const relation of source.plan.relations) {
      const target = run.newIdFor(relation.targetOldDataSourceId);
      if (!target) {
        dropped.set(source.oldId, (dropped.get(source.oldId) ?? new Set()).add(relation.name));
        run.recordLoss({ kind: 'link-outside-restore', objectId: source.oldId, detail: `relation "${relation.name}" points to a database outside the restore and was left out` });
        continue;
      }
      properties[relation.name] = buildRelationRequest(relation, target);
    }
    return properties;
  });
  await phase('rollups', (source) =>
    Object.fromEntries(
      source.plan.rollups
        .filter((rollup) => !dropped.get(source.oldId)?.has(rollup.relationProperty))
        .map((rollup) => [rollup.name, buildRollupRequest(rollup)]),
    ),
  );
  await phase('formulas', (source) => Object.fromEntries(source.plan.formulas.map((formula) => [formula.name, buildFormulaRequest(formula)])));
}

async function restoreRelationValues(run: RestoreRun, objects: ObjectRestorer): Promise<void> {
  const refused = new RefusedObjects(run);
  for (const relation of objects.deferredRelations) {
    const step = `relation:${relation.rowOldId}:${relation.property}`;
    if (run.journal.doneSteps.has(step)) continue;
    const rowId = run.newIdFor(relation.rowOldId);
    if (!rowId) continue;
    if (objects.relationLinks.isSet(relation.rowOldId, relation.property, relation.oldIds)) {
      await run.journal.record({ type: 'done', step });
      continue;
    }
    const ids = relation.oldIds.map((oldId) => run.newIdFor(oldId)).filter((id): id is string => id !== undefined);
    if (ids.length < relation.oldIds.length) {
      run.recordLoss({ kind: 'link-outside-restore', objectId: relation.rowOldId, detail: `${relation.oldIds.length - ids.length} related pages of "${relation.property}" are not in the restore` });
    }
    if (ids.length > 100) run.recordLoss({ kind: 'other', objectId: relation.rowOldId, detail: `"${relation.property}" keeps its first 100 related pages (Notion's limit per request)` });
    if (ids.length > 0) {
      const update = { properties: { [relation.property]: { relation: ids.slice(0, 100).map((id) => ({ id })) } } };
      const what = (): string => `the relation "${relation.property}" of ${describeObject(run.reader, relation.rowOldId, 'row')}`;
      await refused.orSkip(what, () => inStep(what, () => run.writer.updatePage(rowId, update)), relation.rowOldId);
    }
    await run.journal.record({ type: 'done', step });
  }
}

/**
 * Adds schema properties to a data source in one request; if Notion refuses the request, each property
 * is sent on its own so only the ones it refuses are left out (and reported).
 */
async function updateSchema(run: RestoreRun, database: DatabasePlan, source: DatabasePlan['sources'][number], properties: Record<string, unknown>): Promise<void> {
  const what = (names: string[]): string =>
    `the ${names.length > 1 ? 'properties' : 'property'} ${names.map((name) => `"${name}"`).join(', ')} of ${describeObject(run.reader, database.entry.id, 'database')}`;
  try {
    await inStep(() => what(Object.keys(properties)), () => run.writer.updateDataSource(source.newId, { properties }));
  } catch (error) {
    if (!isRefusal(error) || Object.keys(properties).length === 1) {
      if (!isRefusal(error)) throw error;
      run.recordLoss({ kind: 'object-refused', objectId: source.oldId, detail: `Notion refused ${what(Object.keys(properties))} (${refusalReason(error)}); it was left out` });
      return;
    }
    for (const [name, value] of Object.entries(properties)) await updateSchema(run, database, source, { [name]: value });
  }
}
