/**
 * The slices of Notion objects the crawler reads. The SDK's response types are unions too wide to be
 * useful here; these describe only the fields we rely on, everything else is kept as is.
 */

export interface NotionParent {
  type: string;
  page_id?: string;
  block_id?: string;
  database_id?: string;
  data_source_id?: string;
  workspace?: boolean;
}

export interface FileObject {
  type: 'file' | 'external' | 'file_upload' | string;
  name?: string;
  file?: { url: string; expiry_time?: string | null };
  external?: { url: string };
}

export interface PageObject {
  object: 'page';
  id: string;
  parent: NotionParent;
  last_edited_time: string;
  url?: string;
  icon?: (FileObject & { emoji?: string }) | null;
  cover?: FileObject | null;
  properties: Record<string, PropertyValue>;
  in_trash?: boolean;
  archived?: boolean;
}

export interface PropertyValue {
  id: string;
  type: string;
  [key: string]: unknown;
}

export interface BlockObject {
  object: 'block';
  id: string;
  type: string;
  has_children: boolean;
  parent: NotionParent;
  [key: string]: unknown;
}

export interface DatabaseObject {
  object: 'database';
  id: string;
  parent: NotionParent;
  title?: Array<{ plain_text?: string }>;
  icon?: (FileObject & { emoji?: string }) | null;
  cover?: FileObject | null;
  data_sources?: Array<{ id: string; name?: string }>;
  last_edited_time?: string;
  url?: string;
}

export interface DataSourceObject {
  object: 'data_source';
  id: string;
  parent?: NotionParent;
  database_parent?: NotionParent;
  last_edited_time?: string;
  properties?: Record<string, unknown>;
}

export interface CommentObject {
  object: 'comment';
  id: string;
  discussion_id: string;
  parent: NotionParent;
  created_time: string;
  attachments?: Array<{ category?: string; file?: { url: string; expiry_time?: string | null }; name?: string }>;
}

export function plainText(items: unknown): string {
  if (!Array.isArray(items)) return '';
  return items.map((item) => (item as { plain_text?: string }).plain_text ?? '').join('');
}

export function pageTitle(page: PageObject): string {
  for (const value of Object.values(page.properties ?? {})) {
    if (value.type === 'title') return plainText(value.title);
  }
  return '';
}

export function databaseTitle(database: DatabaseObject): string {
  return plainText(database.title);
}

/** The id a parent points at, or null for the workspace. */
export function parentId(parent: NotionParent | undefined): string | null {
  if (!parent) return null;
  return parent.page_id ?? parent.block_id ?? parent.database_id ?? parent.data_source_id ?? null;
}
