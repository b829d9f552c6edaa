import type { StoredView } from '../snapshot/format';
import { stringOf } from '../snapshot/json-values';
import type { DatabasePlan } from './database-plan';
import type { CreatedView } from './notion-writer';
import { inStep, isRefusal, refusalReason } from './refusals';
import type { RestoreRun } from './run';
import type { PropertyMaps } from './views-remap';
import { propertyMaps, remapView } from './views-remap';

type Schema = Record<string, { id?: string | undefined }>;

/**
 * The schemas a view's property references are carried between: the stored one of the data source it
 * showed, and the one of the data source it is created on (the restored one, read once after the schema
 * links exist; in a dry run, predicted from the restore's plan).
 */
export class ViewSchemas {
  private readonly stored = new Map<string, Schema>();
  private readonly restored = new Map<string, Schema | undefined>();
  private loaded = false;

  constructor(
    private readonly run: RestoreRun,
    private readonly databases: DatabasePlan[],
  ) {}

  /** Stored schema of a data source restored by this run, by its old id. */
  async storedSchema(oldDataSourceId: string): Promise<Schema | undefined> {
    if (!this.loaded) {
      this.loaded = true;
      for (const database of this.databases) {
        const { dataSources } = await this.run.reader.database(database.entry);
        for (const source of dataSources) this.stored.set(String(source.id), source.properties as Schema);
      }
    }
    return this.stored.get(oldDataSourceId);
  }

  /** Maps for a view of the restored data source `oldId` (now `newId`). */
  async forRestored(oldId: string, newId: string): Promise<PropertyMaps> {
    const stored = (await this.storedSchema(oldId)) ?? {};
    if (!this.restored.has(newId)) {
      const read = await this.run.writer.retrieveDataSource(newId);
      this.restored.set(newId, read ?? (this.run.writer.dryRun ? this.planned(oldId, stored) : {}));
    }
    return propertyMaps(stored, this.restored.get(newId) ?? {});
  }

  /**
   * Maps for a view of a data source outside the restore that the target workspace still shows (its
   * ids are unchanged; references to properties it no longer has are dropped), or undefined when it
   * does not show it. A dry run cannot tell, and assumes it does.
   */
  async forOriginal(dataSourceId: string): Promise<PropertyMaps | undefined> {
    if (!this.restored.has(dataSourceId)) this.restored.set(dataSourceId, await this.run.writer.retrieveDataSource(dataSourceId));
    const schema = this.restored.get(dataSourceId);
    if (schema) return propertyMaps(schema, schema);
    if (!this.run.writer.dryRun) return undefined;
    return { nameById: { get: (id: string) => id, has: () => true } as unknown as Map<string, string>, idByName: { get: (name: string) => name } as unknown as Map<string, string> };
  }

  /** The restored schema a dry run predicts: what the database was created with and the schema links it will get. */
  private planned(oldId: string, stored: Schema): Schema {
    const names = new Set<string>();
    for (const database of this.databases) {
      for (const source of database.sources) {
        for (const relation of source.plan.relations) {
          if (!this.run.newIdFor(relation.targetOldDataSourceId)) continue;
          if (source.oldId === oldId) names.add(relation.name);
          if (relation.targetOldDataSourceId === oldId && relation.dual) names.add(relation.dual.syncedPropertyName);
        }
        if (source.oldId !== oldId) continue;
        for (const name of Object.keys(source.plan.initial)) names.add(name);
        for (const rollup of source.plan.rollups) names.add(rollup.name);
        for (const formula of source.plan.formulas) names.add(formula.name);
      }
    }
    return Object.fromEntries([...names].map((name) => [name, { id: stored[name]?.id ?? name }]));
  }
}

export interface ViewWrite {
  view: StoredView;
  /** database_id, view_id (a dashboard widget) or create_database (a new linked database), with placement. */
  target: Record<string, unknown>;
  dataSourceId: string;
  maps: PropertyMaps;
  /** The object losses are reported on (the database or the linked database block). */
  ownerId: string;
  /** e.g. `the database "Tasks" (Home / Tasks)` */
  owner: () => string;
  /** Where a create whose answer was lost would have put the view: a database to list. */
  databaseToCheck: () => string | undefined | Promise<string | undefined>;
}

/**
 * Creates one view (journaled under `view:<old id>`, so a resumed restore creates it once), with its
 * property references carried over. Dropped references and a view Notion refuses are reported; a
 * refused view is left out and the restore goes on. Undefined when the view was not created.
 */
export async function writeView(run: RestoreRun, write: ViewWrite): Promise<CreatedView | undefined> {
  const { view } = write;
  const known = run.newIdFor(view.id);
  if (known) return { id: known, databaseId: '' };
  const { body, dropped } = remapView(view, write.maps);
  if (dropped.length > 0) {
    run.recordLoss({ kind: 'other', objectId: write.ownerId, detail: `the view "${view.name}" of ${write.owner()} lost what refers to properties that were not restored: ${dropped.join('; ')}` });
  }
  const request = { ...write.target, data_source_id: write.dataSourceId, ...body };
  const landed = async (): Promise<CreatedView | undefined> => {
    const database = await write.databaseToCheck();
    if (!database) return undefined;
    const mapped = new Set(run.journal.newIds.values());
    for (const id of (await run.writer.listViewIds(database)).filter((candidate) => !mapped.has(candidate)).reverse()) {
      const found = await run.writer.retrieveView(id);
      if (found.name === view.name && found.type === view.type) return { id: found.id, databaseId: found.databaseId };
    }
    return undefined;
  };
  try {
    const created = await inStep(
      () => `the view "${view.name}" of ${write.owner()}`,
      () => run.create(`view:${view.id}`, landed, () => run.writer.createView(request, landed)),
    );
    await run.journal.record({ type: 'created', kind: 'view', oldId: view.id, newId: created.id });
    run.counts.views += 1;
    run.changed();
    return created;
  } catch (error) {
    if (!isRefusal(error)) throw error;
    run.recordLoss({ kind: 'object-refused', objectId: write.ownerId, detail: `Notion refused the view "${view.name}" of ${write.owner()} (${refusalReason(error)}); it was left out` });
    return undefined;
  }
}

/** Widgets of a dashboard in the order they were stored, each with its row in the stored layout. */
export function widgetsOf(dashboard: StoredView, views: readonly StoredView[]): Array<{ view: StoredView; row: number }> {
  const rows = dashboardRows(dashboard);
  const rowOf = (id: string): number => rows.findIndex((row) => row.includes(id));
  return views.filter((view) => stringOf((view as { dashboard_view_id?: unknown }).dashboard_view_id) === dashboard.id).map((view) => ({ view, row: rowOf(view.id) }));
}

/** The stored layout: the widget view ids of each row. */
export function dashboardRows(dashboard: StoredView): string[][] {
  const config = (dashboard.configuration ?? {}) as { rows?: Array<{ widgets?: Array<{ view_id?: string }> }> };
  return (config.rows ?? []).map((row) => (row.widgets ?? []).map((widget) => widget.view_id ?? ''));
}

/**
 * Where a widget goes in its restored dashboard: beside the widgets of its stored row already created
 * (`existing_row`), or in a new last row. Computed from what the journal says exists, so a resumed
 * restore places the rest of a row beside what came before.
 */
export function widgetPlacement(run: RestoreRun, dashboard: StoredView, row: number): Record<string, unknown> {
  const rows = dashboardRows(dashboard);
  if (row < 0) return { type: 'new_row' };
  const exists = (ids: string[]): boolean => ids.some((id) => run.newIdFor(id));
  if (!exists(rows[row] ?? [])) return { type: 'new_row' };
  return { type: 'existing_row', row_index: rows.slice(0, row + 1).filter(exists).length - 1 };
}
