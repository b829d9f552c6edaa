import type { IndexEntry, StoredBlock, StoredPage } from '../snapshot/format';
import { convertCover, convertIcon, convertPageProperties, convertRichText, planSchema } from './convert';
import type { AppendPosition } from './convert';
import type { ObjectCreators } from './content';
import { restoreChildren } from './content';
import { containsInOrder, textParts } from './append-check';
import type { DatabasePlan } from './database-plan';
import { describeObject, inStep, RefusedObjects } from './refusals';
import { NestedObjects } from './nested-objects';
import { restoreComments } from './comments';
import { RelationLinks } from './relation-links';
import { LinkedDatabases } from './linked-databases';
import type { CreatedObject } from './notion-writer';
import type { Container, RestoreRun } from './run';

export interface RowWork {
  entry: IndexEntry;
  database: DatabasePlan;
}

/** Work found while building pages: databases to finish (schemas, rows) once every page exists. */
export class ObjectRestorer implements ObjectCreators {
  readonly databases: DatabasePlan[] = [];
  readonly pagesWithContent: IndexEntry[] = [];
  /** Rows whose relation values are set after every row exists. */
  readonly deferredRelations: Array<{ rowOldId: string; property: string; oldIds: string[] }> = [];
  private links: RelationLinks | undefined;
  /** Linked databases met in the content, recreated once every database and schema exists. */
  readonly linked: LinkedDatabases;

  private readonly nested: NestedObjects;
  private readonly refused: RefusedObjects;

  constructor(private readonly run: RestoreRun) {
    this.nested = new NestedObjects(run);
    this.refused = new RefusedObjects(run);
    this.linked = new LinkedDatabases(run);
  }

  private titleRequest(page: StoredPage): Record<string, unknown> {
    const title = Object.values(page.properties).find((value) => value.type === 'title');
    return convertPageProperties(
      title ? { title: title } : {},
      { title: { type: 'title' } },
      this.run.convertContext(),
      { fullValues: {}, pageId: page.id, isRow: false },
    ).properties;
  }

  /** A page under `parentNewId` (a restored page or the restore target), then its content. */
  async restorePage(entry: IndexEntry, parentNewId: string, position?: AppendPosition): Promise<void> {
    this.run.checkCancelled();
    const what = (): string => describeObject(this.run.reader, entry.id, 'page');
    const { page, children } = await this.run.reader.page(entry);
    let newId = this.run.newIdFor(entry.id);
    if (!newId) {
      await this.run.uploader.uploadFrom(entry.path, (ref) => ref === `page:${page.id}:cover` || ref === `page:${page.id}:icon`);
      const context = this.run.convertContext();
      const properties = this.titleRequest(page);
      const body: Record<string, unknown> = {
        parent: { type: 'page_id', page_id: parentNewId },
        properties,
        ...(position ? { position } : {}),
        ...optional('icon', convertIcon(page.icon, `page:${page.id}:icon`, context)),
        ...optional('cover', convertCover(page.cover, `page:${page.id}:cover`, context)),
      };
      const landed = async (): Promise<CreatedObject | undefined> => {
        // A create whose answer was lost may have worked: look for an unmapped child page with this title.
        const known = new Set(this.run.journal.newIds.values());
        const listed = await this.run.writer.listChildren(parentNewId);
        const candidate = listed.filter((block) => block.type === 'child_page' && block.title === entry.title && !known.has(block.id)).at(-1);
        return candidate ? { id: candidate.id } : undefined;
      };
      const create = (request: Record<string, unknown>) =>
        inStep(what, () => this.run.create(`page:${entry.id}`, landed, () => this.run.writer.createPage(request, landed)));
      const created = await this.refused.retryWithout(entry, body, create, ['icon', 'cover']);
      if (!created) return this.refused.setAside(entry, 'page', parentNewId, position);
      newId = created.id;
      await this.recordCreated('page', entry.id, created);
    }
    const pageNewId = newId;
    await inStep(what, () => this.restoreContent(entry, pageNewId, children));
  }

  async restoreContent(entry: IndexEntry, newId: string, children: StoredBlock[]): Promise<void> {
    const container: Container = { oldId: entry.id, newId, dir: entry.path, pageOldId: entry.id };
    await restoreChildren(this.run, container, children, this);
    this.pagesWithContent.push(entry);
    await this.placeNestedObjects(entry, newId);
  }

  async standInFor(container: Container, block: StoredBlock): Promise<StoredBlock[]> {
    // A linked database inside a block is placed beside that block later, with nothing where it stood.
    if (container.topBlockOldId !== undefined && (await this.linked.claim(container, block))) return [];
    return this.nested.standInFor(container, block);
  }

  /** Pages and databases that lived inside blocks of this page, created beside those blocks. */
  private async placeNestedObjects(page: IndexEntry, pageNewId: string): Promise<void> {
    for (const [index, item] of this.nested.of(page.id).entries()) {
      this.nested.reportMove(item, page.title);
      if (item.block.type === 'child_page') {
        await this.restorePage(item.entry, pageNewId, this.nested.positionOf(page.id, index));
      } else {
        await this.restoreDatabase(item.entry, pageNewId);
      }
    }
  }

  async childPage(container: Container, block: StoredBlock): Promise<void> {
    const entry = this.entryToRestore(block, 'a sub-page that is not in the snapshot was left out');
    if (entry) await this.restorePage(entry, container.newId);
  }

  async childDatabase(container: Container, block: StoredBlock, place: { index: number; siblings: StoredBlock[] }): Promise<void> {
    if (await this.linked.claim(container, block, place)) return;
    const entry = this.entryToRestore(block, 'a database that is not in the snapshot (a linked view?) was left out');
    if (entry) await this.restoreDatabase(entry, container.newId);
  }

  /** The snapshot entry of a child page or database block, when it is part of this restore (else the loss is noted). */
  private entryToRestore(block: StoredBlock, missing: string): IndexEntry | undefined {
    if (this.run.leftOut.has(block.id)) return undefined;
    const entry = this.run.reader.entry(block.id);
    if (!entry || !this.run.inRestore.has(block.id)) {
      this.run.recordLoss({ kind: 'link-outside-restore', objectId: block.id, detail: missing });
      return undefined;
    }
    return entry;
  }

  /** The database with the scalar part of each data source's schema; relations and rows come later. */
  async restoreDatabase(entry: IndexEntry, parentNewId: string): Promise<void> {
    this.run.checkCancelled();
    const { database, dataSources } = await this.run.reader.database(entry);
    const context = this.run.convertContext();
    const lookup = (dataSourceId: string, propertyId: string): string | undefined => {
      const source = dataSources.find((candidate) => candidate.id === dataSourceId);
      return Object.entries(source?.properties ?? {}).find(([, value]) => value.id === propertyId || encodeURIComponent(value.id ?? '') === propertyId)?.[0];
    };
    const plans = dataSources.map((source) => ({
      source,
      plan: planSchema({ id: source.id, properties: source.properties }, { propertyNameLookup: lookup }),
    }));
    for (const { plan } of plans) plan.losses.forEach((loss) => this.run.recordLoss(loss));
    let newDatabaseId = this.run.newIdFor(entry.id);
    const sources: DatabasePlan['sources'] = [];
    const first = plans[0];
    if (!newDatabaseId) {
      await this.run.uploader.uploadFrom(entry.path, (ref) => ref.startsWith(`database:${entry.id}:`));
      const body = {
        parent: { type: 'page_id', page_id: parentNewId },
        title: convertRichText(database.title, context, entry.id),
        is_inline: database.is_inline ?? false,
        ...(first ? { initial_data_source: { properties: first.plan.initial } } : {}),
        ...optional('icon', convertIcon(database.icon, `database:${entry.id}:icon`, context)),
        ...optional('cover', convertCover(database.cover, `database:${entry.id}:cover`, context)),
      };
      const what = (): string => describeObject(this.run.reader, entry.id, 'database');
      const landed = async (): Promise<(CreatedObject & { dataSourceIds: string[] }) | undefined> => {
        const known = new Set(this.run.journal.newIds.values());
        const listed = await this.run.writer.listChildren(parentNewId);
        const candidate = listed.filter((block) => block.type === 'child_database' && block.title === entry.title && !known.has(block.id)).at(-1);
        if (!candidate) return undefined;
        return { id: candidate.id, dataSourceIds: (await this.run.writer.listDataSources(candidate.id)).map((source) => source.id) };
      };
      const create = (request: Record<string, unknown>) =>
        inStep(what, () => this.run.create(`database:${entry.id}`, landed, () => this.run.writer.createDatabase(request, landed)));
      const created = await this.refused.retryWithout(entry, body, create, ['icon', 'cover']);
      if (!created) return this.refused.setAside(entry, 'database', parentNewId);
      newDatabaseId = created.id;
      await this.run.journal.record({ type: 'created', kind: 'database', oldId: entry.id, newId: created.id, ...(created.url ? { url: created.url } : {}) });
      if (first && created.dataSourceIds[0]) {
        await this.run.journal.record({ type: 'created', kind: 'data-source', oldId: String(first.source.id), newId: created.dataSourceIds[0] });
      }
      this.run.counts.databases += 1;
    }
    for (const { source, plan } of plans) {
      let newSourceId = this.run.newIdFor(String(source.id));
      if (!newSourceId) {
        const title = convertRichText(source.title, context, String(source.id));
        const databaseId = newDatabaseId;
        const landed = async (): Promise<string | undefined> => {
          // A data source whose answer was lost: adopt an unmapped one with this name.
          const known = new Set(this.run.journal.newIds.values());
          const parts = textParts(title);
          return (await this.run.writer.listDataSources(databaseId)).find((listed) => !known.has(listed.id) && containsInOrder(listed.name, parts))?.id;
        };
        const request = { parent: { type: 'database_id', database_id: databaseId }, properties: plan.initial, title };
        newSourceId = await this.run.create(`data-source:${String(source.id)}`, landed, () => this.run.writer.createDataSource(request, landed));
        await this.run.journal.record({ type: 'created', kind: 'data-source', oldId: String(source.id), newId: newSourceId });
      }
      const properties = Object.fromEntries(Object.entries(source.properties).map(([name, value]) => [name, { type: value.type }]));
      sources.push({ oldId: String(source.id), newId: newSourceId, plan, properties });
    }
    this.databases.push({ entry, newDatabaseId, sources });
    this.run.changed();
  }

  /** Rows of every restored database, with their writable values and content. */
  async restoreRows(database: DatabasePlan): Promise<void> {
    const rows = this.run.reader.index().filter((candidate) => candidate.parentId === database.entry.id && candidate.isRow);
    for (const entry of rows) {
      this.run.checkCancelled();
      const { page, children } = await this.run.reader.page(entry);
      const parentSource = (page.parent.type === 'data_source_id' ? page.parent.data_source_id : undefined) ?? database.sources[0]?.oldId ?? '';
      const source = database.sources.find((candidate) => candidate.oldId === parentSource) ?? database.sources[0];
      if (!source) continue;
      let newId = this.run.newIdFor(entry.id);
      const fullValues = await this.run.reader.fullProperties(entry.path);
      await this.run.uploader.uploadFrom(entry.path, (ref) => ref.startsWith(`property:${page.id}:`) || ref.startsWith(`page:${page.id}:`));
      const context = this.run.convertContext();
      const converted = convertPageProperties(page.properties, source.properties, context, { fullValues, pageId: page.id, isRow: true });
      const what = (): string => describeObject(this.run.reader, entry.id, 'row');
      if (newId) for (const relation of converted.deferredRelations) this.deferredRelations.push({ rowOldId: entry.id, ...relation });
      if (!newId) {
        const relations = this.relationLinks.atCreation(converted.deferredRelations);
        for (const relation of relations.later) this.deferredRelations.push({ rowOldId: entry.id, ...relation });
        const rowId = source.newId;
        const body = {
          parent: { type: 'data_source_id', data_source_id: source.newId },
          properties: { ...converted.properties, ...relations.now },
          ...optional('icon', convertIcon(page.icon, `page:${page.id}:icon`, context)),
          ...optional('cover', convertCover(page.cover, `page:${page.id}:cover`, context)),
        };
        const landed = async (): Promise<CreatedObject | undefined> => {
          // A row write whose answer was lost: adopt an unmapped row with the same title.
          const known = new Set(this.run.journal.newIds.values());
          const found = (await this.run.writer.listRows(rowId)).find((row) => row.title === entry.title && !known.has(row.id));
          return found ? { id: found.id } : undefined;
        };
        const create = (request: Record<string, unknown>) =>
          inStep(what, () => this.run.create(`row:${entry.id}`, landed, () => this.run.writer.createPage(request, landed)));
        const titleOnly = Object.fromEntries(Object.entries(converted.properties).filter(([name]) => source.properties[name]?.type === 'title'));
        let sentRelations = true;
        const created = await this.refused.retryWithout(entry, body, create, ['icon', 'cover', 'properties'], { properties: titleOnly }, () => {
          sentRelations = false;
        });
        if (sentRelations) for (const property of Object.keys(relations.now)) this.relationLinks.markSet(entry.id, source.oldId, property, relationOldIds(converted.deferredRelations, property));
        else for (const property of Object.keys(relations.now)) this.deferredRelations.push({ rowOldId: entry.id, property, oldIds: relationOldIds(converted.deferredRelations, property) });
        if (!created) {
          this.refused.report(entry, 'row');
          continue;
        }
        newId = created.id;
        await this.recordCreated('row', entry.id, created);
      }
      const rowNewId = newId;
      await inStep(what, () => this.restoreContent(entry, rowNewId, children));
    }
  }

  /** Journals a new page or row and counts it. */
  private async recordCreated(kind: 'page' | 'row', oldId: string, created: CreatedObject): Promise<void> {
    await this.run.journal.record({ type: 'created', kind, oldId, newId: created.id, ...(created.url ? { url: created.url } : {}) });
    this.run.counts[kind === 'page' ? 'pages' : 'rows'] += 1;
    this.run.changed();
  }

  /** Relation values sent with rows; made once every database (and so every relation) is known. */
  get relationLinks(): RelationLinks {
    this.links ??= new RelationLinks(this.run, this.databases);
    return this.links;
  }

  /** Comments of every restored page, threads kept together (replies go into the new discussion). */
  async restoreComments(): Promise<void> {
    await restoreComments(this.run, this.refused, this.pagesWithContent);
  }
}

function optional(key: string, value: unknown): Record<string, unknown> {
  return value === undefined || value === null ? {} : { [key]: value };
}

function relationOldIds(relations: Array<{ property: string; oldIds: string[] }>, property: string): string[] {
  return relations.find((relation) => relation.property === property)?.oldIds ?? [];
}
