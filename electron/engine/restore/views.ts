import type { StoredView } from '../snapshot/format';
import type { DatabasePlan } from './database-plan';
import { describeObject, inStep, isRefusal } from './refusals';
import type { RestoreRun } from './run';
import type { ViewSchemas } from './view-writes';
import { dashboardRows, widgetPlacement, widgetsOf, writeView } from './view-writes';

/**
 * The stored views of every restored database, recreated in tab order once the schemas are complete
 * (views may use relations, rollups and formulas), then the "Default view" databases.create added is
 * deleted. Dashboards come with their widgets, each in its stored row.
 */
export async function restoreDatabaseViews(run: RestoreRun, databases: DatabasePlan[], schemas: ViewSchemas): Promise<void> {
  for (const database of databases) {
    run.checkCancelled();
    const views = await run.reader.views(database.entry);
    if (views.length === 0) continue;
    const owner = (): string => describeObject(run.reader, database.entry.id, 'database');
    const create = async (view: StoredView, target: Record<string, unknown>): Promise<string | undefined> => {
      const oldSource = view.data_source_id ?? database.sources[0]?.oldId;
      const source = database.sources.find((candidate) => candidate.oldId === oldSource) ?? (view.type === 'dashboard' ? database.sources[0] : undefined);
      if (!source) {
        run.recordLoss({ kind: 'other', objectId: database.entry.id, detail: `the view "${view.name}" of ${owner()} shows a data source that was not restored; it was left out` });
        return undefined;
      }
      const created = await writeView(run, {
        view,
        target,
        dataSourceId: source.newId,
        maps: await schemas.forRestored(source.oldId, source.newId),
        ownerId: database.entry.id,
        owner,
        databaseToCheck: () => database.newDatabaseId,
      });
      return created?.id;
    };
    for (const view of views) {
      if (view.dashboard_view_id) continue; // created with its dashboard
      const id = await create(view, { database_id: database.newDatabaseId });
      if (view.type !== 'dashboard') continue;
      const widgets = widgetsOf(view, views);
      if (!id) {
        if (widgets.length > 0) run.recordLoss({ kind: 'object-refused', objectId: database.entry.id, detail: `the ${widgets.length} widgets of the dashboard "${view.name}" were left out with it` });
        continue;
      }
      reportDashboardLayout(run, database.entry.id, view, owner);
      for (const widget of widgets) await create(widget.view, { view_id: id, placement: widgetPlacement(run, view, widget.row) });
    }
    await removeOtherViews(run, database, views);
  }
}

/** Widths of widgets and heights of rows are read-only: reported once per dashboard that had them. */
function reportDashboardLayout(run: RestoreRun, ownerId: string, dashboard: StoredView, owner: () => string): void {
  const config = (dashboard.configuration ?? {}) as { rows?: Array<{ height?: number; widgets?: Array<{ width?: number }> }> };
  const sized = (config.rows ?? []).some((row) => row.height !== undefined || (row.widgets ?? []).some((widget) => widget.width !== undefined));
  if (!sized && dashboardRows(dashboard).length > 0) return;
  run.recordLoss({
    kind: 'other',
    objectId: ownerId,
    detail: `the dashboard "${dashboard.name}" of ${owner()} has its widgets in their rows, but not their widths or the rows' heights (the API cannot set them)`,
  });
}

/**
 * Deletes the views the restore did not create (the "Default view" of databases.create), once at least
 * one stored view exists: Notion refuses deleting a database's last view.
 */
async function removeOtherViews(run: RestoreRun, database: DatabasePlan, views: StoredView[]): Promise<void> {
  const step = `views-cleanup:${database.entry.id}`;
  if (run.journal.doneSteps.has(step)) return;
  const ours = new Set(views.map((view) => run.newIdFor(view.id)).filter((id): id is string => id !== undefined));
  if (ours.size === 0 && !run.writer.dryRun) return;
  const what = (): string => `the default view of ${describeObject(run.reader, database.entry.id, 'database')}`;
  const listed = await inStep(what, () => run.writer.listViewIds(database.newDatabaseId));
  // A dry run lists nothing: it counts the one default view's deletion.
  const others = run.writer.dryRun ? ['default view'] : listed.filter((candidate) => !ours.has(candidate));
  for (const id of others) {
    try {
      await inStep(what, () => run.writer.deleteView(id));
    } catch (error) {
      if (!isRefusal(error)) throw error;
      run.recordLoss({ kind: 'other', objectId: database.entry.id, detail: `${what()} could not be deleted; it is still there beside the restored views` });
    }
  }
  await run.journal.record({ type: 'done', step });
}
