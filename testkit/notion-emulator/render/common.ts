import { roundIsoDownToMinute } from '../clock';
import type { RenderContext } from '../context';
import type { FixtureParent, FixturePage, RichTextItem, Timestamps } from '../fixture-types';
import { compactId } from '../ids';

export function partialUser(id: string): { object: 'user'; id: string } {
  return { object: 'user', id };
}

export function plainText(items: readonly RichTextItem[] | undefined): string {
  return (items ?? []).map((item) => item.plain_text).join('');
}

/** Deep copy that replaces every stored `{file_id}` with a freshly signed `{url, expiry_time}`. */
export function withSignedFiles<T>(value: T, ctx: RenderContext): T {
  return signDeep(value, ctx) as T;
}

function signDeep(value: unknown, ctx: RenderContext): unknown {
  if (Array.isArray(value)) return value.map((item) => signDeep(item, ctx));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const fileId = record['file_id'];
  if (typeof fileId === 'string' && Object.keys(record).length === 1) {
    const file = ctx.store.files.get(fileId);
    return ctx.env.signer.sign(fileId, file?.filename ?? 'file');
  }
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(record)) out[key] = signDeep(child, ctx);
  return out;
}

/**
 * in_trash everywhere; 2025-09-03 also carries the deprecated `archived`. Pass the object id to
 * report trash inherited from a trashed ancestor (a page deleted with its sub-pages).
 */
export function trashFields(inTrash: boolean | undefined, ctx: RenderContext, id?: string): Record<string, boolean> {
  const value = (inTrash ?? false) || (id !== undefined && ctx.store.isTrashedInTree(id));
  return ctx.version === '2025-09-03' ? { in_trash: value, archived: value } : { in_trash: value };
}

export function timestampFields(record: Timestamps): Record<string, unknown> {
  return {
    created_time: roundIsoDownToMinute(record.createdTime),
    last_edited_time: roundIsoDownToMinute(record.lastEditedTime),
    created_by: partialUser(record.createdBy),
    last_edited_by: partialUser(record.lastEditedBy),
  };
}

export function renderParent(parent: FixtureParent, ctx: RenderContext): Record<string, unknown> {
  switch (parent.type) {
    case 'workspace':
      return { type: 'workspace', workspace: true };
    case 'page_id':
      return { type: 'page_id', page_id: parent.page_id };
    case 'block_id':
      return { type: 'block_id', block_id: parent.block_id };
    case 'data_source_id': {
      const dataSource = ctx.store.dataSources.get(parent.data_source_id);
      return { type: 'data_source_id', data_source_id: parent.data_source_id, database_id: dataSource?.databaseId ?? null };
    }
  }
}

export function titleOfPage(page: FixturePage, ctx: Pick<RenderContext, 'store'>): RichTextItem[] {
  for (const [name, value] of Object.entries(page.properties)) {
    if (value.type !== 'title') continue;
    if (page.parent.type === 'data_source_id') {
      const schema = ctx.store.dataSources.get(page.parent.data_source_id)?.properties[name];
      if (schema && schema.type !== 'title') continue;
    }
    return (value['title'] as RichTextItem[] | undefined) ?? [];
  }
  return [];
}

export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `https://www.notion.so/<Title-slug>-<32hex>` */
export function notionUrl(id: string, title?: string): string {
  const slug = title ? slugify(title) : '';
  return `https://www.notion.so/${slug ? `${slug}-` : ''}${compactId(id)}`;
}
