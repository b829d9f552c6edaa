import type { PreviewLinkedDatabase, PreviewView, ViewKind } from '../../../shared/ipc/view-schemas';
import { VIEW_TYPES } from '../../../shared/ipc/view-schemas';
import type { IndexEntry, StoredView } from './format';
import { recordOf, stringOf } from './json-values';
import type { SnapshotReader } from './reader';

const KNOWN = new Set<string>(VIEW_TYPES);

/** A view's type as the app names it: one of Notion's, or `other` for anything a snapshot made up. */
export function viewKind(type: unknown): ViewKind {
  return typeof type === 'string' && KNOWN.has(type) ? (type as ViewKind) : 'other';
}

function viewName(view: StoredView): string {
  return String(view.name).replace(/\p{Cc}+/gu, ' ').trim();
}

/** Views in tab order, each dashboard with its widgets' views under it (a widget whose dashboard is missing stays a tab). */
export function outlineViews(views: readonly StoredView[]): PreviewView[] {
  const dashboards = new Map<string, PreviewView>();
  for (const view of views) if (viewKind(view.type) === 'dashboard') dashboards.set(view.id, { id: view.id, name: viewName(view), type: 'dashboard', widgets: [] });
  const outline: PreviewView[] = [];
  const seen = new Set<string>();
  for (const view of views) {
    if (seen.has(view.id)) continue;
    seen.add(view.id);
    const type = viewKind(view.type);
    const dashboard = type === 'dashboard' ? undefined : dashboards.get(stringOf(recordOf(view).dashboard_view_id) ?? '');
    if (dashboard) dashboard.widgets.push({ id: view.id, name: viewName(view), type });
    else outline.push(dashboards.get(view.id) ?? { id: view.id, name: viewName(view), type, widgets: [] });
  }
  return outline;
}

/**
 * The views of linked databases and the databases they show, for one preview or export: each
 * linked_views.json is read once, and data_sources.json files only when a linked view needs its
 * source, database by database until it is found.
 */
export class SnapshotViews {
  private readonly linkedByDir = new Map<string, Promise<Record<string, StoredView[]>>>();
  private readonly owners = new Map<string, IndexEntry>();
  private readonly unread: IndexEntry[];
  private prefetched = false;

  constructor(
    private readonly reader: SnapshotReader,
    /** Called once with every data_sources.json path before the first lookup (a store reads them in one command). */
    private readonly prefetch?: (paths: string[]) => Promise<void>,
  ) {
    this.unread = reader.index().filter((entry) => entry.object === 'database');
  }

  /** The views of the linked database whose child_database block `blockId` stands in `dir`; undefined when none are stored. */
  async linked(dir: string, blockId: string): Promise<StoredView[] | undefined> {
    let views = this.linkedByDir.get(dir);
    if (!views) {
      views = this.reader.linkedViews(dir);
      this.linkedByDir.set(dir, views);
    }
    const found = (await views)[blockId];
    return found && found.length > 0 ? found : undefined;
  }

  /** The database in this snapshot that holds a data source. */
  async ownerOf(dataSourceId: string): Promise<IndexEntry | undefined> {
    if (!this.prefetched && this.unread.length > 0) {
      this.prefetched = true;
      await this.prefetch?.(this.unread.map((entry) => `${entry.path}/data_sources.json`)).catch(() => undefined);
    }
    while (!this.owners.has(dataSourceId) && this.unread.length > 0) {
      const entry = this.unread.shift()!;
      for (const source of await this.reader.dataSources(entry)) if (!this.owners.has(source.id)) this.owners.set(source.id, entry);
    }
    return this.owners.get(dataSourceId);
  }

  /** The database a linked database shows: the owner of its views' first data source. */
  async sourceOf(views: readonly StoredView[]): Promise<IndexEntry | undefined> {
    const dataSourceId = views.map((view) => stringOf(recordOf(view).data_source_id)).find((id) => id !== undefined);
    return dataSourceId ? this.ownerOf(dataSourceId) : undefined;
  }

  /** What the preview shows of a linked database. */
  async previewLinked(views: readonly StoredView[]): Promise<PreviewLinkedDatabase> {
    const source = await this.sourceOf(views);
    return { sourceId: source?.id ?? null, sourceTitle: source ? source.title : null, views: outlineViews(views) };
  }
}
