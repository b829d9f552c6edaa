/**
 * Proves that planned schemas, relations, rollups, formulas and converted row values of a real crawl
 * are requests the emulator (validating like Notion) accepts, in the restore's order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../../testkit/notion-emulator';
import type { CrawledWorkspace } from '../../../../testkit/support/convert-emulator';
import { accepted, contextWithUsers, crawledRichWorkspace, createTargetPage } from '../../../../testkit/support/convert-emulator';
import { convertCover, convertIcon } from './files';
import { convertPageProperties } from './properties';
import { convertRichText } from './rich-text';
import { buildFormulaRequest, buildRelationRequest, buildRollupRequest, planSchema } from './schema';
import type { FakeContext } from '../../../../testkit/support/convert-context';
import type { SchemaPlan, StoredSchemaProperty } from './types';

let workspace: CrawledWorkspace;

beforeAll(async () => {
  workspace = await crawledRichWorkspace();
}, 60_000);
afterAll(async () => {
  await workspace.close();
});

interface PlannedSource {
  oldId: string;
  newId: string;
  plan: SchemaPlan;
}

type StoredSources = Map<string, Record<string, StoredSchemaProperty>>;

async function storedDataSources(): Promise<StoredSources> {
  const sources: StoredSources = new Map();
  for (const entry of workspace.reader.index().filter((item) => item.object === 'database')) {
    for (const source of (await workspace.reader.database(entry)).dataSources) {
      sources.set(String(source.id), (source.properties ?? {}) as Record<string, StoredSchemaProperty>);
    }
  }
  return sources;
}

/** databases.create with the first data source's initial schema, dataSources.create for the others. */
async function createDatabases(target: string, stored: StoredSources, ctx: FakeContext): Promise<PlannedSource[]> {
  const { notion, reader } = workspace;
  const propertyNameLookup = (dataSourceId: string, propertyId: string) =>
    Object.entries(stored.get(dataSourceId) ?? {}).find(([, property]) => property.id === propertyId)?.[0];
  const planned: PlannedSource[] = [];
  for (const entry of reader.index().filter((item) => item.object === 'database')) {
    const { database, dataSources } = await reader.database(entry);
    const plans = dataSources.map((source) => ({
      oldId: String(source.id),
      title: convertRichText(source.title, ctx, String(source.id)),
      plan: planSchema({ id: String(source.id), properties: (source.properties ?? {}) as Record<string, StoredSchemaProperty> }, { propertyNameLookup }),
    }));
    const [first, ...others] = plans;
    if (!first) continue;
    const icon = convertIcon(database.icon, `database:${entry.id}:icon`, ctx);
    const cover = convertCover(database.cover, `database:${entry.id}:cover`, ctx);
    const body = {
      parent: { type: 'page_id' as const, page_id: target },
      title: convertRichText(database.title, ctx, entry.id),
      is_inline: database.is_inline === true,
      initial_data_source: { properties: first.plan.initial },
      ...(icon ? { icon } : {}),
      ...(cover ? { cover } : {}),
    };
    const created = await accepted('databases.create', body, () => notion.databases.create(body));
    const firstNewId = 'data_sources' in created ? created.data_sources[0]?.id : undefined;
    if (!firstNewId) throw new Error('databases.create returned no data source');
    ctx.ids.set(entry.id, created.id);
    planned.push({ oldId: first.oldId, newId: firstNewId, plan: first.plan });
    for (const other of others) {
      const request = { parent: { type: 'database_id' as const, database_id: created.id }, properties: other.plan.initial, title: other.title };
      const source = await accepted('dataSources.create', request, () => notion.dataSources.create(request));
      planned.push({ oldId: other.oldId, newId: source.id, plan: other.plan });
    }
  }
  for (const source of planned) ctx.ids.set(source.oldId, source.newId);
  return planned;
}

/** Relations of every data source, then rollups, then formulas (each may need the previous step everywhere). */
async function finishSchemas(planned: PlannedSource[], ctx: FakeContext): Promise<void> {
  const steps: Array<(source: PlannedSource) => Record<string, ReturnType<typeof buildFormulaRequest>>> = [
    ({ plan }) => Object.fromEntries(plan.relations.map((relation) => [relation.name, buildRelationRequest(relation, ctx.ids.get(relation.targetOldDataSourceId) ?? '')])),
    ({ plan }) => Object.fromEntries(plan.rollups.map((rollup) => [rollup.name, buildRollupRequest(rollup)])),
    ({ plan }) => Object.fromEntries(plan.formulas.map((formula) => [formula.name, buildFormulaRequest(formula)])),
  ];
  for (const step of steps) {
    for (const source of planned) {
      const properties = step(source);
      if (Object.keys(properties).length === 0) continue;
      await accepted('dataSources.update', properties, () => workspace.notion.dataSources.update({ data_source_id: source.newId, properties }));
    }
  }
}

async function targetSchema(dataSourceId: string): Promise<Record<string, { type: string }>> {
  const source = await workspace.notion.dataSources.retrieve({ data_source_id: dataSourceId });
  if (!('properties' in source)) throw new Error('partial data source');
  return Object.fromEntries(Object.entries(source.properties).map(([name, property]) => [name, { type: property.type }]));
}

describe('schemas and rows against the emulator', () => {
  it('creates every database, adds relations (two-way pairs once), rollups and formulas, then the rows', async () => {
    const { notion, reader } = workspace;
    const ctx = await contextWithUsers(reader);
    const target = await createTargetPage(notion, 'Databases');
    const stored = await storedDataSources();
    const planned = await createDatabases(target, stored, ctx);
    expect(planned).toHaveLength(3);
    await finishSchemas(planned, ctx);

    const tasks = await targetSchema(ctx.ids.get(richWorkspaceFacts.ids.tasksDataSource) ?? '');
    const projects = await targetSchema(ctx.ids.get(richWorkspaceFacts.ids.projectsDataSource) ?? '');
    expect(Object.entries(tasks).filter(([, property]) => property.type === 'relation').map(([name]) => name)).toEqual(['Project']);
    expect(Object.entries(projects).filter(([, property]) => property.type === 'relation').map(([name]) => name)).toEqual(['Tasks']);
    expect(projects['Task count']).toEqual({ type: 'rollup' });
    expect(projects['Done tasks']).toEqual({ type: 'rollup' });
    expect(projects.Score).toEqual({ type: 'formula' });
    expect(Object.keys(projects).sort()).toEqual(Object.keys(stored.get(richWorkspaceFacts.ids.projectsDataSource) ?? {}).filter((name) => name !== 'Verification').sort());

    const deferred: Array<{ rowId: string; property: string; oldIds: string[] }> = [];
    let rows = 0;
    for (const entry of reader.index().filter((item) => item.isRow)) {
      const { page } = await reader.page(entry);
      const oldSource = String((page.parent as { data_source_id?: string }).data_source_id);
      const newSource = ctx.ids.get(oldSource) ?? '';
      const converted = convertPageProperties(page.properties, await targetSchema(newSource), ctx, {
        pageId: page.id,
        fullValues: await reader.fullProperties(entry.path),
      });
      const body = { parent: { type: 'data_source_id' as const, data_source_id: newSource }, properties: converted.properties };
      const row = await accepted('pages.create', body, () => notion.pages.create(body));
      ctx.ids.set(page.id, row.id);
      deferred.push(...converted.deferredRelations.map((relation) => ({ rowId: row.id, ...relation })));
      rows += 1;
    }
    expect(rows).toBe(richWorkspaceFacts.fullCrawl.rows);

    for (const relation of deferred) {
      const ids = relation.oldIds.map((oldId) => ctx.ids.get(oldId)).filter((id): id is string => id !== undefined);
      for (let start = 0; start < ids.length; start += 100) {
        const properties = { [relation.property]: { relation: ids.slice(start, start + 100).map((id) => ({ id })) } };
        await accepted('pages.update', properties, () => notion.pages.update({ page_id: relation.rowId, properties }));
      }
    }
    const mega = ctx.ids.get(richWorkspaceFacts.ids.megaProjectRow) ?? '';
    const megaTasks = await notion.pages.properties.retrieve({ page_id: mega, property_id: 'Tasks', page_size: 100 });
    expect('results' in megaTasks ? megaTasks.results : []).toHaveLength(richWorkspaceFacts.megaProjectRelationCount);
    const owners = await notion.pages.properties.retrieve({ page_id: mega, property_id: 'Owners', page_size: 100 });
    expect('results' in owners ? owners.results : []).toHaveLength(richWorkspaceFacts.megaProjectPeopleCount);

    const kinds = new Set(ctx.lossKinds());
    expect(kinds).toContain('read-only-property');
    expect(kinds.has('user-not-mapped')).toBe(false);
  });
});
