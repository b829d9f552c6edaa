// Database views in the store: tab order (each database's `viewIds`), dashboard widgets (listed in
// their dashboard's configuration rows) and the default view every database starts with.
import type { FixtureDatabase, FixtureDataSource, FixtureView, JsonObject, Timestamps } from './fixture-types';
import { stableId } from './ids';

/** The part of the emulator's store that views live in (a structural type: store.ts imports this module). */
interface ViewsOfStore {
  views: Map<string, FixtureView>;
  databases: Map<string, FixtureDatabase>;
  dataSources: Map<string, FixtureDataSource>;
}

export interface DashboardRow {
  id: string;
  widgets: { id: string; view_id: string; width?: number }[];
  height?: number;
}

/** The view Notion adds to a new database: a table over its first data source showing every property. */
export function defaultView(database: FixtureDatabase, dataSource: FixtureDataSource, id: string, stamp: Timestamps): FixtureView {
  return {
    id,
    databaseId: database.id,
    dataSourceId: dataSource.id,
    name: 'Default view',
    type: 'table',
    filter: null,
    sorts: null,
    quickFilters: null,
    configuration: { type: 'table', properties: Object.values(dataSource.properties).map((prop) => ({ property_id: prop.id, visible: true })) },
    createdTime: stamp.createdTime,
    lastEditedTime: stamp.createdTime,
    createdBy: stamp.createdBy,
    lastEditedBy: stamp.createdBy,
  };
}

/** Deterministic id of the default view given to a database loaded without views (stable dumps). */
export function defaultViewId(databaseId: string): string {
  return stableId(`notion-emulator:default-view:${databaseId}`);
}

/**
 * After a load: every database lists its tabs (views missing from `viewIds` are appended, unknown ids
 * dropped), and a database with no view at all gets the default one. Linked databases get none.
 */
export function ensureDatabaseViews(store: ViewsOfStore): void {
  const tabsByDatabase = new Map<string, string[]>();
  for (const view of store.views.values()) {
    if (view.dashboardViewId) continue;
    const list = tabsByDatabase.get(view.databaseId) ?? [];
    list.push(view.id);
    tabsByDatabase.set(view.databaseId, list);
  }
  for (const database of store.databases.values()) {
    const tabs = tabsByDatabase.get(database.id) ?? [];
    const listed = (database.viewIds ?? []).filter((id) => tabs.includes(id));
    database.viewIds = [...listed, ...tabs.filter((id) => !listed.includes(id))];
    const firstSource = store.dataSources.get(database.dataSourceIds[0] ?? '');
    if (database.viewIds.length === 0 && !database.linked && firstSource) {
      const view = defaultView(database, firstSource, defaultViewId(database.id), database);
      store.views.set(view.id, view);
      database.viewIds.push(view.id);
    }
  }
}

export function dashboardRows(dashboard: FixtureView): DashboardRow[] {
  const config = (dashboard.configuration ??= { type: 'dashboard', rows: [] });
  if (!Array.isArray(config['rows'])) config['rows'] = [];
  return config['rows'] as DashboardRow[];
}

/** A dashboard's widgets in row order; widgets its rows do not name come last. */
export function widgetsOf(store: ViewsOfStore, dashboard: FixtureView): FixtureView[] {
  const all = [...store.views.values()].filter((view) => view.dashboardViewId === dashboard.id);
  const placed = dashboardRows(dashboard).flatMap((row) => row.widgets.map((widget) => widget.view_id));
  const rank = (view: FixtureView): number => (placed.includes(view.id) ? placed.indexOf(view.id) : placed.length);
  return all.sort((a, b) => rank(a) - rank(b));
}

/** A database's views in tab order, each dashboard followed by its widgets. */
export function orderedViews(store: ViewsOfStore, database: FixtureDatabase): FixtureView[] {
  const result: FixtureView[] = [];
  for (const id of database.viewIds ?? []) {
    const view = store.views.get(id);
    if (!view) continue;
    result.push(view);
    if (view.type === 'dashboard') result.push(...widgetsOf(store, view));
  }
  return result;
}

export type TabPosition = { type: 'start' } | { type: 'end' } | { type: 'after_view'; view_id: string };

export function insertTab(database: FixtureDatabase, viewId: string, position: TabPosition): void {
  const tabs = (database.viewIds ??= []);
  const index = position.type === 'start' ? 0 : position.type === 'after_view' ? tabs.indexOf(position.view_id) + 1 : tabs.length;
  tabs.splice(index, 0, viewId);
}

/** Places a widget in its dashboard: a new row at `rowIndex` (default last) or beside others in a row. */
export function placeWidget(dashboard: FixtureView, widget: { id: string; view_id: string }, placement: { type: 'new_row' | 'existing_row'; rowIndex?: number }, rowId: string): void {
  const rows = dashboardRows(dashboard);
  const existing = placement.type === 'existing_row' ? rows[placement.rowIndex ?? -1] : undefined;
  if (existing) {
    existing.widgets.push(widget);
    return;
  }
  rows.splice(placement.rowIndex ?? rows.length, 0, { id: rowId, widgets: [widget] });
}

/** Removes a view (a dashboard with its widgets) from the store, its database's tabs and its dashboard. */
export function removeView(store: ViewsOfStore, view: FixtureView): void {
  if (view.type === 'dashboard') for (const widget of widgetsOf(store, view)) store.views.delete(widget.id);
  store.views.delete(view.id);
  const database = store.databases.get(view.databaseId);
  if (database?.viewIds) database.viewIds = database.viewIds.filter((id) => id !== view.id);
  const dashboard = view.dashboardViewId ? store.views.get(view.dashboardViewId) : undefined;
  if (dashboard) {
    const rows = dashboardRows(dashboard);
    for (const row of rows) row.widgets = row.widgets.filter((widget) => widget.view_id !== view.id);
    (dashboard.configuration as JsonObject)['rows'] = rows.filter((row) => row.widgets.length > 0);
  }
}
