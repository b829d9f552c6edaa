import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import type { FixtureView, WorkspaceFixture } from '../../../testkit/notion-emulator/fixture-types';
import { SeededRandom } from '../../../testkit/notion-emulator/ids';
import { RestoreHarness } from '../../../testkit/support/restore-harness';
import type { StoredView } from '../snapshot/format';
import type { SnapshotReader } from '../snapshot/reader';
import type { NotionWriter } from './notion-writer';
import { propertyMaps, remapView } from './views-remap';

let harness: RestoreHarness;
beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

type Schema = Record<string, { id?: string | undefined }>;

/** A view with every property reference replaced by the property's name, so views of two workspaces compare. */
function byNames(view: Pick<StoredView, 'name' | 'type'> & Record<string, unknown>, schema: Schema): string {
  const names = Object.fromEntries(Object.keys(schema).map((name) => [name, { id: name }]));
  const { body, dropped } = remapView(view as unknown as StoredView, propertyMaps(schema, names));
  return JSON.stringify({ body, dropped });
}

/** The views of a database in the dump, in tab order with each dashboard's widgets after it (as views.list). */
function dumpedViews(dump: WorkspaceFixture, databaseId: string): FixtureView[] {
  const database = dump.databases.find((candidate) => candidate.id === databaseId);
  const views = dump.views ?? [];
  return (database?.viewIds ?? []).flatMap((id) => {
    const view = views.find((candidate) => candidate.id === id);
    if (!view) return [];
    return [view, ...views.filter((candidate) => candidate.dashboardViewId === view.id)];
  });
}

function asStored(view: FixtureView): Pick<StoredView, 'name' | 'type'> & Record<string, unknown> {
  return { name: view.name, type: view.type, filter: view.filter, sorts: view.sorts, quick_filters: view.quickFilters, configuration: view.configuration };
}

/** Schema of a data source in the dump, `{ name: { id } }`. */
function dumpedSchema(dump: WorkspaceFixture, dataSourceId: string | null): Schema {
  const source = dump.dataSources.find((candidate) => candidate.id === dataSourceId);
  return Object.fromEntries(Object.entries(source?.properties ?? {}).map(([name, property]) => [name, { id: property.id }]));
}

async function storedSchemas(reader: SnapshotReader): Promise<Map<string, Schema>> {
  const schemas = new Map<string, Schema>();
  for (const entry of reader.index().filter((item) => item.object === 'database')) {
    for (const source of (await reader.database(entry)).dataSources) schemas.set(String(source.id), source.properties as Schema);
  }
  return schemas;
}

/** Each restored database's views equal the stored ones (names, types, order, references by name); no Default view. */
async function expectViewsRestored(target: string): Promise<void> {
  const { reader } = harness;
  const dump = await harness.emulator.admin.dump();
  const restored = await harness.crawlRestored(target);
  const schemas = await storedSchemas(reader);
  for (const entry of reader.index().filter((item) => item.object === 'database')) {
    const match = restored.index().find((item) => item.object === 'database' && item.title === entry.title);
    expect(match, entry.title).toBeDefined();
    const stored = await reader.views(entry);
    expect(stored.length, `views of ${entry.title} in the snapshot`).toBeGreaterThan(0);
    const views = dumpedViews(dump, match?.id ?? '');
    expect(views.map((view) => `${view.type}:${view.name}`)).toEqual(stored.map((view) => `${view.type}:${view.name}`));
    expect(views.some((view) => view.name === 'Default view')).toBe(false);
    stored.forEach((view, index) => {
      const after = views[index];
      if (!after) return;
      expect(byNames(asStored(after), dumpedSchema(dump, after.dataSourceId)), view.name).toBe(byNames(view, schemas.get(view.data_source_id ?? '') ?? {}));
    });
  }
}

/** The linked database block on a restored page: its views in the dump. */
function linkedViewsUnder(dump: WorkspaceFixture, pageId: string): FixtureView[] {
  const page = dump.pages.find((candidate) => candidate.id === pageId);
  const linked = dump.databases.find((database) => database.linked && page?.children.includes(database.id));
  return linked ? dumpedViews(dump, linked.id) : [];
}

describe('views and linked databases', () => {
  it('recreates every database view in order with its property references, and the linked view where it stood on the restored data source', async () => {
    const target = await harness.newTarget('Views');
    const summary = await harness.restore(target);
    await expectViewsRestored(target);
    expect(summary.created.views).toBe(richWorkspaceFacts.fullCrawl.views);

    const dump = await harness.emulator.admin.dump();
    const home = summary.roots.find((root) => root.oldId === richWorkspaceFacts.ids.home)?.newId ?? '';
    const linked = linkedViewsUnder(dump, home);
    expect(linked.map((view) => view.name)).toEqual(['Linked tasks', 'Linked board']);
    const restoredDatabases = (await harness.crawlRestored(target)).index().filter((entry) => entry.object === 'database').map((entry) => entry.id);
    const restoredSources = dump.databases.filter((database) => restoredDatabases.includes(database.id)).flatMap((database) => database.dataSourceIds);
    expect(linked.every((view) => view.dataSourceId !== null && restoredSources.includes(view.dataSourceId)), 'the linked views show the restored Tasks data source').toBe(true);
    // where it stood: after the same number of blocks as on the original Home
    const restoredHome = dump.pages.find((page) => page.id === home);
    const linkedId = dump.databases.find((database) => database.linked && restoredHome?.children.includes(database.id))?.id ?? '';
    const around = (children: string[] | undefined, id: string): { before: string[]; after: string[] } => {
      const list = children ?? [];
      return { before: list.slice(0, list.indexOf(id)), after: list.slice(list.indexOf(id) + 1) };
    };
    const kinds = (ids: string[]): string[] => ids.map((id) => dump.blocks.find((block) => block.id === id)?.type ?? (dump.databases.some((database) => database.id === id) ? 'child_database' : 'child_page'));
    // As the snapshot had it (targets of other tests were added under Home since).
    const homeEntry = harness.reader.entry(richWorkspaceFacts.ids.home);
    const stored = homeEntry ? (await harness.reader.page(homeEntry)).children : [];
    const storedKinds = new Map(stored.map((block) => [block.id, block.type]));
    const was = around(stored.map((block) => block.id), richWorkspaceFacts.ids.linkedDatabase);
    const kindsWas = (ids: string[]): string[] => ids.map((id) => storedKinds.get(id) ?? '?');
    const is = around(restoredHome?.children, linkedId);
    // The blocks before it that the API cannot create (meeting notes, unsupported) are not restored.
    expect(kindsWas(was.before).slice(-4)).toEqual(['tab', 'meeting_notes', 'unsupported', 'unsupported']);
    expect(kinds(is.before).at(-1)).toBe('tab');
    expect(kinds(is.after)).toEqual(kindsWas(was.after));
    expect(summary.losses.filter((loss) => loss.objectId === richWorkspaceFacts.ids.linkedDatabase)).toEqual([]);
  }, 120_000);

  it('a linked view whose database is outside the restore shows the original data source', async () => {
    const target = await harness.newTarget('Linked only');
    const home = richWorkspaceFacts.ids.home;
    const { reader } = harness;
    const summary = await harness.restore(target, { selection: [home], reader: await outsideDatabases(reader) });
    const dump = await harness.emulator.admin.dump();
    const linked = linkedViewsUnder(dump, summary.roots[0]?.newId ?? '');
    expect(linked.map((view) => view.name)).toEqual(['Linked tasks', 'Linked board']);
    const tasksSource = (await reader.linkedViews(reader.entry(home)?.path ?? ''))[richWorkspaceFacts.ids.linkedDatabase]?.[0]?.data_source_id;
    expect(linked.every((view) => view.dataSourceId === tasksSource)).toBe(true);
  }, 120_000);

  it('a dry run counts the views and sends nothing', async () => {
    const target = await harness.newTarget('Views dry run');
    harness.emulator.admin.resetCounts();
    const plan = await harness.restore(target, { dryRun: true });
    const writes = Object.entries(harness.emulator.admin.requestCounts().byRoute).filter(([route]) => !route.startsWith('GET'));
    expect(writes).toEqual([]);
    expect(plan.created.views).toBe(richWorkspaceFacts.fullCrawl.views);
  }, 60_000);

  it.each([1, 2, 3, 4, 5])('a restore killed while creating views resumes without duplicating them (seed %i)', async (seed) => {
    const target = await harness.newTarget(`Views killed ${seed}`);
    const journalDir = await harness.journalDir();
    const killAt = 1 + Math.floor(new SeededRandom(seed).next() * richWorkspaceFacts.fullCrawl.views + 2);
    await expect(harness.restore(target, { journalDir, wrapWriter: dyingAtView(killAt) })).rejects.toThrow('killed');
    const resumed = await harness.restore(target, { journalDir });
    expect(resumed.resumed).toBe(true);
    await expectViewsRestored(target);
    const dump = await harness.emulator.admin.dump();
    const home = resumed.roots.find((root) => root.oldId === richWorkspaceFacts.ids.home)?.newId ?? '';
    expect(dump.databases.filter((database) => database.linked && dump.pages.find((page) => page.id === home)?.children.includes(database.id))).toHaveLength(1);
    expect(linkedViewsUnder(dump, home).map((view) => view.name)).toEqual(['Linked tasks', 'Linked board']);
  }, 120_000);
});

/** The snapshot without its databases (and their rows): the linked view's database is outside the restore. */
async function outsideDatabases(reader: SnapshotReader): Promise<SnapshotReader> {
  const databases = new Set(reader.index().filter((entry) => entry.object === 'database').map((entry) => entry.id));
  const hidden = new Set(reader.index().filter((entry) => databases.has(entry.id) || (entry.parentId !== null && databases.has(entry.parentId))).map((entry) => entry.id));
  return new Proxy(reader, {
    get(target, property) {
      if (property === 'entry') return (id: string) => (hidden.has(id) ? undefined : target.entry(id));
      if (property === 'index') return () => target.index().filter((entry) => !hidden.has(entry.id));
      if (property === 'subtree') return (id: string) => target.subtree(id).filter((entry) => !hidden.has(entry.id));
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Dies (kill -9) right after the `killAt`-th view write reached Notion (creations and deletions). */
function dyingAtView(killAt: number): (writer: NotionWriter) => NotionWriter {
  let writes = 0;
  const died = <T>(result: T): T => {
    writes += 1;
    if (writes >= killAt) throw new Error(`killed after view write ${writes}`);
    return result;
  };
  return (writer) => ({
    ...writer,
    createView: async (...args) => died(await writer.createView(...args)),
    deleteView: async (...args) => died(await writer.deleteView(...args)),
  });
}
