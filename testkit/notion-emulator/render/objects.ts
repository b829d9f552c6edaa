import { roundIsoDownToMinute } from '../clock';
import type { RenderContext } from '../context';
import type {
  FixtureBlock,
  FixtureComment,
  FixtureDatabase,
  FixtureDataSource,
  FixturePage,
  FixtureView,
  JsonObject,
  SchemaProperty,
} from '../fixture-types';
import { compactId } from '../ids';
import {
  notionUrl,
  partialUser,
  plainText,
  renderParent,
  timestampFields,
  titleOfPage,
  trashFields,
  withSignedFiles,
} from './common';
import { renderPageProperties } from './properties';
import { renderViewConfiguration } from './view-config';

export function renderPage(page: FixturePage, ctx: RenderContext, onlyProperties?: Set<string>): Record<string, unknown> {
  const trash = trashFields(page.inTrash, ctx, page.id);
  const rendered: Record<string, unknown> = {
    object: 'page',
    id: page.id,
    ...timestampFields(page),
    cover: withSignedFiles(page.cover, ctx),
    icon: withSignedFiles(page.icon, ctx),
    parent: renderParent(page.parent, ctx),
    in_trash: trash['in_trash'],
    is_archived: page.isArchived ?? false,
    is_locked: page.isLocked ?? false,
    properties: renderPageProperties(page, ctx, onlyProperties),
    url: notionUrl(page.id, plainText(titleOfPage(page, ctx))),
    public_url: page.publicUrl ?? null,
  };
  if ('archived' in trash) rendered['archived'] = trash['archived'];
  return rendered;
}

function liveChildCount(ids: readonly string[] | undefined, ctx: RenderContext): number {
  let count = 0;
  for (const id of ids ?? []) {
    const item = ctx.store.blocks.get(id) ?? ctx.store.pages.get(id) ?? ctx.store.databases.get(id);
    if (item && !item.inTrash) count += 1;
  }
  return count;
}

/** The ids listed as a block's children; a synced copy lists its original's content. */
export function effectiveChildren(block: FixtureBlock, ctx: RenderContext): { sourceId: string; ids: string[] } {
  const syncedFrom = block.type === 'synced_block' ? (block.payload['synced_from'] as { block_id?: string } | null) : null;
  if (syncedFrom?.block_id) {
    const original = ctx.store.blocks.get(syncedFrom.block_id);
    return { sourceId: syncedFrom.block_id, ids: original?.children ?? [] };
  }
  return { sourceId: block.id, ids: block.children ?? [] };
}

function versionedType(type: string, ctx: RenderContext): string {
  return type === 'meeting_notes' && ctx.version === '2025-09-03' ? 'transcription' : type;
}

function blockEnvelope(
  id: string,
  parent: Record<string, unknown>,
  record: FixtureBlock | FixturePage | FixtureDatabase,
  hasChildren: boolean,
  type: string,
  payload: unknown,
  ctx: RenderContext,
): Record<string, unknown> {
  const trash = trashFields(record.inTrash, ctx, id);
  const rendered: Record<string, unknown> = {
    object: 'block',
    id,
    parent,
    ...timestampFields(record),
    has_children: hasChildren,
    in_trash: trash['in_trash'],
    type,
    [type]: payload,
  };
  if ('archived' in trash) rendered['archived'] = trash['archived'];
  return rendered;
}

export function renderStoredBlock(block: FixtureBlock, ctx: RenderContext): Record<string, unknown> {
  const container = ctx.store.containerOf(block.id);
  const parent = container?.kind === 'block' ? { type: 'block_id', block_id: container.id } : { type: 'page_id', page_id: container?.id ?? null };
  const type = versionedType(block.type, ctx);
  const hasChildren = liveChildCount(effectiveChildren(block, ctx).ids, ctx) > 0;
  return blockEnvelope(block.id, parent, block, hasChildren, type, withSignedFiles(block.payload, ctx), ctx);
}

/** Renders any id that appears in a content list: a block, a child page or a child database. */
export function renderBlockById(id: string, ctx: RenderContext): Record<string, unknown> | null {
  const block = ctx.store.blocks.get(id);
  if (block) return renderStoredBlock(block, ctx);
  const page = ctx.store.pages.get(id);
  if (page) {
    const title = plainText(titleOfPage(page, ctx));
    return blockEnvelope(page.id, renderParent(page.parent, ctx), page, liveChildCount(page.children, ctx) > 0, 'child_page', { title }, ctx);
  }
  const database = ctx.store.databases.get(id);
  if (database) {
    return blockEnvelope(database.id, renderParent(database.parent, ctx), database, false, 'child_database', { title: plainText(database.title) }, ctx);
  }
  return null;
}

export function renderDatabase(database: FixtureDatabase, ctx: RenderContext): Record<string, unknown> {
  const trash = trashFields(database.inTrash, ctx, database.id);
  const dataSources = database.dataSourceIds
    .map((id) => ctx.store.dataSources.get(id))
    .filter((ds): ds is FixtureDataSource => ds !== undefined && !ds.inTrash)
    .map((ds) => ({ id: ds.id, name: plainText(ds.title) }));
  const rendered: Record<string, unknown> = {
    object: 'database',
    id: database.id,
    title: structuredClone(database.title),
    description: structuredClone(database.description),
    parent: renderParent(database.parent, ctx),
    is_inline: database.isInline,
    in_trash: trash['in_trash'],
    is_locked: database.isLocked ?? false,
    created_time: timestampFields(database)['created_time'],
    last_edited_time: timestampFields(database)['last_edited_time'],
    data_sources: dataSources,
    icon: withSignedFiles(database.icon, ctx),
    cover: withSignedFiles(database.cover, ctx),
    url: notionUrl(database.id),
    public_url: database.publicUrl ?? null,
  };
  if ('archived' in trash) rendered['archived'] = trash['archived'];
  return rendered;
}

function propertyNameById(dataSource: FixtureDataSource | undefined, id: unknown): string {
  return Object.entries(dataSource?.properties ?? {}).find(([, prop]) => prop.id === id)?.[0] ?? '';
}

function renderSchemaConfig(schema: SchemaProperty, owner: FixtureDataSource, ctx: RenderContext): JsonObject {
  const config = schema.config;
  if (schema.type === 'relation') {
    const target = ctx.store.dataSources.get(String(config['data_source_id']));
    const base = { database_id: target?.databaseId ?? null, data_source_id: config['data_source_id'] };
    if (config['type'] !== 'dual_property') return { ...base, type: 'single_property', single_property: {} };
    const syncedId = (config['dual_property'] as JsonObject | undefined)?.['synced_property_id'];
    return {
      ...base,
      type: 'dual_property',
      dual_property: { synced_property_id: syncedId, synced_property_name: propertyNameById(target, syncedId) },
    };
  }
  if (schema.type === 'rollup') {
    const relationName = propertyNameById(owner, config['relation_property_id']);
    const relation = owner.properties[relationName];
    const target = ctx.store.dataSources.get(String(relation?.config['data_source_id']));
    return {
      function: config['function'],
      relation_property_name: relationName,
      relation_property_id: config['relation_property_id'],
      rollup_property_name: propertyNameById(target, config['rollup_property_id']),
      rollup_property_id: config['rollup_property_id'],
    };
  }
  return structuredClone(config);
}

export function renderDataSource(dataSource: FixtureDataSource, ctx: RenderContext): Record<string, unknown> {
  const database = ctx.store.databases.get(dataSource.databaseId);
  const trash = trashFields(dataSource.inTrash, ctx, dataSource.id);
  const properties: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(dataSource.properties)) {
    properties[name] = {
      id: schema.id,
      name,
      description: schema.description ?? null,
      type: schema.type,
      [schema.type]: renderSchemaConfig(schema, dataSource, ctx),
    };
  }
  const rendered: Record<string, unknown> = {
    object: 'data_source',
    id: dataSource.id,
    cover: withSignedFiles(database?.cover ?? null, ctx),
    icon: withSignedFiles(dataSource.icon, ctx),
    created_time: timestampFields(dataSource)['created_time'],
    created_by: partialUser(dataSource.createdBy),
    last_edited_by: partialUser(dataSource.lastEditedBy),
    last_edited_time: timestampFields(dataSource)['last_edited_time'],
    title: structuredClone(dataSource.title),
    description: structuredClone(dataSource.description),
    is_inline: database?.isInline ?? false,
    properties,
    parent: { type: 'database_id', database_id: dataSource.databaseId },
    database_parent: database ? renderParent(database.parent, ctx) : null,
    url: notionUrl(dataSource.databaseId),
    public_url: null,
    in_trash: trash['in_trash'],
  };
  if ('archived' in trash) rendered['archived'] = trash['archived'];
  return rendered;
}

export function renderComment(comment: FixtureComment, ctx: RenderContext): Record<string, unknown> {
  const author = ctx.store.users.get(comment.createdBy);
  const rendered: Record<string, unknown> = {
    object: 'comment',
    id: comment.id,
    parent: structuredClone(comment.parent),
    discussion_id: comment.discussionId,
    created_time: roundIsoDownToMinute(comment.createdTime),
    last_edited_time: roundIsoDownToMinute(comment.lastEditedTime),
    created_by: partialUser(comment.createdBy),
    rich_text: structuredClone(comment.richText),
    display_name: comment.displayName ?? {
      type: author?.type === 'bot' ? 'integration' : 'user',
      resolved_name: author?.name ?? null,
    },
  };
  if (comment.attachments?.length) rendered['attachments'] = withSignedFiles(comment.attachments, ctx);
  return rendered;
}

/** `{object:"view", id, parent, type}`: what views.delete answers. */
export function renderPartialView(view: FixtureView): Record<string, unknown> {
  return { object: 'view', id: view.id, parent: { type: 'database_id', database_id: view.databaseId }, type: view.type };
}

export function renderView(view: FixtureView, ctx: RenderContext): Record<string, unknown> {
  const dataSource = view.dataSourceId ? ctx.store.dataSources.get(view.dataSourceId) : undefined;
  const rendered: Record<string, unknown> = {
    ...renderPartialView(view),
    name: view.name,
    created_time: timestampFields(view)['created_time'],
    last_edited_time: timestampFields(view)['last_edited_time'],
    url: `https://www.notion.so/${compactId(view.databaseId)}?v=${compactId(view.id)}`,
    data_source_id: view.dataSourceId,
    created_by: partialUser(view.createdBy),
    last_edited_by: partialUser(view.lastEditedBy),
    filter: structuredClone(view.filter),
    sorts: structuredClone(view.sorts),
    quick_filters: structuredClone(view.quickFilters),
    configuration: renderViewConfiguration(view.configuration, dataSource),
  };
  if (view.dashboardViewId) rendered['dashboard_view_id'] = view.dashboardViewId;
  return rendered;
}
