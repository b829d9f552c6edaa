// The snapshot format (docs/snapshot-format.md), one schema per file and the type inferred from it.
// The crawler builds these types, the writer writes them, and the reader parses every file it reads
// with its schema (parseSnapshotFile): a snapshot is untrusted input, so ids and paths follow
// untrusted.ts's rules.
import type {
  BlockObjectResponse,
  CommentObjectResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  DataSourceViewObjectResponse,
  PageObjectResponse,
  PropertyItemObjectResponse,
  UserObjectResponse,
} from '@notionhq/client';
import { z } from 'zod';
import { recordOf } from './json-values';
import type { JsonRecord } from './json-values';
import { notionIdSchema, safeNameSchema, safePathSchema } from './untrusted';

export const SNAPSHOT_FORMAT = 'notion-plakar-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;

/** The icon of a page or database, as the API returns it (index.json repeats it). */
type NotionIcon = PageObjectResponse['icon'];

// Notion objects (page.json, blocks.json, database.json, data_sources.json, comments.json,
// properties.json, users.json) are stored as the API returned them, normalised. Each schema checks the
// envelope the app relies on and keeps every other field as stored, typed with the SDK's response
// type (`.pipe(z.custom<…>())`, which checks nothing more). Older snapshots (the official connector's
// API 2022-06-28) can lack fields the SDK type declares: code that reads past the envelope checks.

const parentEnvelope = z.looseObject({ type: z.string() });

/** A block in `children` of page.json or in blocks.json. */
export const storedBlockSchema = z
  .looseObject({ object: z.literal('block'), id: z.string(), type: z.string(), has_children: z.boolean() })
  .pipe(z.custom<BlockObjectResponse>());
export type StoredBlock = z.infer<typeof storedBlockSchema>;

/** `<block dir>/blocks.json`: the children of one block (rule 3). */
export const blocksFileSchema = z.array(storedBlockSchema);

/** The payload of a block (`block[block.type]`), unchecked past the envelope: read it field by field. */
export function blockPayload(block: StoredBlock): JsonRecord {
  const fields: JsonRecord = block;
  return recordOf(fields[block.type]);
}

/** The original a synced copy shows; undefined for an original and for any other block. */
export function syncedOriginalOf(block: StoredBlock): string | undefined {
  return block.type === 'synced_block' ? (block.synced_block?.synced_from?.block_id ?? undefined) : undefined;
}

/**
 * The block has children of its own in the page's tree, stored under its folder: not a sub-page or
 * database (their own trees), not a synced copy (its children are its original's).
 */
export function hasOwnChildren(block: StoredBlock): boolean {
  return block.has_children && !syncedOriginalOf(block) && block.type !== 'child_page' && block.type !== 'child_database';
}

/** The emoji of a page's, database's or index entry's icon; null for other icons. */
export function iconEmoji(icon: NotionIcon | undefined): string | null {
  return icon?.type === 'emoji' ? icon.emoji : null;
}

const pageEnvelope = {
  object: z.literal('page'),
  id: notionIdSchema,
  parent: parentEnvelope,
  properties: z.record(z.string(), z.looseObject({ id: z.string(), type: z.string() })),
};

export const storedPageSchema = z.looseObject(pageEnvelope).pipe(z.custom<PageObjectResponse>());
export type StoredPage = z.infer<typeof storedPageSchema>;
export type StoredPropertyValue = StoredPage['properties'][string];

/** page.json: the page object, its first-level blocks as the last key (rule 2). */
export const pageFileSchema = z
  .looseObject({ ...pageEnvelope, children: z.array(storedBlockSchema).optional() })
  .pipe(z.custom<StoredPage & { children?: StoredBlock[] }>());

const schemaPropertiesEnvelope = z.record(z.string(), z.looseObject({ type: z.string() }));

/** One entry of data_sources.json: a data source with its full schema. */
export const storedDataSourceSchema = z
  .looseObject({ object: z.literal('data_source'), id: z.string(), properties: schemaPropertiesEnvelope })
  .pipe(z.custom<DataSourceObjectResponse>());
export type StoredDataSource = z.infer<typeof storedDataSourceSchema>;
export type StoredSchemaProperties = StoredDataSource['properties'];

export const dataSourcesFileSchema = z.array(storedDataSourceSchema);

/**
 * database.json: the database object with the `properties` of its first data source folded in
 * (rule 5); a 2022-06-28 database has its own.
 */
export const databaseFileSchema = z
  .looseObject({ object: z.literal('database'), id: notionIdSchema, properties: schemaPropertiesEnvelope.optional() })
  .pipe(z.custom<DatabaseObjectResponse & { properties?: StoredSchemaProperties }>());
export type StoredDatabase = z.infer<typeof databaseFileSchema>;

/**
 * One view as views.retrieve answered it: a tab of a database (views.json) or of a linked database
 * placed on a page (linked_views.json). Its configuration names properties by id.
 */
export const storedViewSchema = z
  .looseObject({ object: z.literal('view'), id: notionIdSchema, name: z.string(), type: z.string(), parent: parentEnvelope })
  .pipe(z.custom<DataSourceViewObjectResponse>());
export type StoredView = z.infer<typeof storedViewSchema>;

export const VIEWS_FILE = 'views.json';
export const LINKED_VIEWS_FILE = 'linked_views.json';

/** `<database dir>/views.json`: the database's views in tab order (dashboard widgets after their dashboard). */
export const viewsFileSchema = z.array(storedViewSchema);

/**
 * `<dir>/linked_views.json`, beside the JSON holding `child_database` blocks of linked databases: by
 * block id (which is the linked database's id), that linked database's views in tab order.
 */
export const linkedViewsFileSchema = z.record(notionIdSchema, z.array(storedViewSchema));
export type LinkedViews = z.infer<typeof linkedViewsFileSchema>;

/** comments.json: the unresolved comments of a page and of the blocks stored beside it. */
export const commentsFileSchema = z.array(
  z
    .looseObject({ object: z.literal('comment'), id: z.string(), discussion_id: z.string(), parent: parentEnvelope, created_time: z.string() })
    .pipe(z.custom<CommentObjectResponse>()),
);
export type StoredComment = z.infer<typeof commentsFileSchema>[number];

/** properties.json: by property id, the full value of a property the page object cut at 25 references. */
export const propertiesFileSchema = z.record(
  z.string(),
  z.object({
    name: z.string(),
    type: z.string(),
    results: z.array(z.looseObject({ type: z.string() }).pipe(z.custom<PropertyItemObjectResponse>())),
  }),
);
export type FullPropertyValue = z.infer<typeof propertiesFileSchema>[string];

/** users.json: users.list (members and bots), sorted by id. */
export const usersFileSchema = z.array(z.looseObject({ object: z.literal('user'), id: z.string() }).pipe(z.custom<UserObjectResponse>()));
export type StoredUser = z.infer<typeof usersFileSchema>[number];

// Files of our own: content.json follows the official connector; index.json, files.json and
// manifest.json are ours.

/** One entry of content.json: a top-level object (rule 1). The parent is always `{"page_id":"/"}`. */
export const contentEntrySchema = z.object({ parent: z.unknown(), id: notionIdSchema, object: z.enum(['page', 'database']) });
export type ContentEntry = z.infer<typeof contentEntrySchema>;
export const contentFileSchema = z.array(contentEntrySchema.loose());

const indexStatsSchema = z.object({ blocks: z.number(), files: z.number(), fileBytes: z.number(), comments: z.number() });

/** One entry of index.json: a page, row or database of the snapshot. */
export const indexEntrySchema = z.object({
  id: notionIdSchema,
  object: z.enum(['page', 'database']),
  title: z.string(),
  icon: z.looseObject({ type: z.string() }).pipe(z.custom<NonNullable<NotionIcon>>()).nullable(),
  /** Directory relative to the snapshot root, with forward slashes. */
  path: safePathSchema,
  /** The page or database that contains it in this snapshot. */
  parentId: notionIdSchema.nullable(),
  isRow: z.boolean(),
  lastEditedTime: z.string().nullable(),
  url: z.string().nullable(),
  /** What the object's own files hold (blocks, files, comments), so a reused page keeps its counts. */
  stats: indexStatsSchema.optional(),
});
export type IndexEntry = z.infer<typeof indexEntrySchema>;
export const indexFileSchema = z.array(indexEntrySchema.loose());

/** One entry of files.json: the stored copy of a Notion-hosted file, by reference. */
export const fileDescriptorSchema = z.object({
  /** The copy's name in the directory of its files.json, chosen by us. */
  file: safeNameSchema,
  /** The file's original name (snapshot/file-names.ts); null when none could be found. */
  name: z.string().nullish().transform((value) => value ?? null),
  size: z.number(),
  sha256: z.string(),
  contentType: z.string().nullish().transform((value) => value ?? null),
  sourceKey: z.string().catch(''),
});
export type FileDescriptor = z.output<typeof fileDescriptorSchema>;
export const filesFileSchema = z.record(z.string(), fileDescriptorSchema.loose());

export const unreachableEntrySchema = z.object({
  id: z.string(),
  object: z.enum(['page', 'database', 'block', 'data_source']),
  referencedFrom: z.string().nullable(),
  reason: z.string(),
});
export type UnreachableEntry = z.infer<typeof unreachableEntrySchema>;

export const unsupportedBlockEntrySchema = z.object({ blockId: z.string(), pageId: z.string(), blockType: z.string() });
export type UnsupportedBlockEntry = z.infer<typeof unsupportedBlockEntrySchema>;

const failedFileEntrySchema = z.object({ ref: z.string(), pageId: z.string(), reason: z.string() });
export type FailedFileEntry = z.infer<typeof failedFileEntrySchema>;

/** A synced block whose children are stored (docs/snapshot-format.md, "Synced blocks"). */
export const syncedBlockEntrySchema = z.object({
  blockId: z.string(),
  /** The page whose own tree holds the block. */
  pageId: z.string(),
  /** The block's directory, holding its blocks.json. */
  path: safePathSchema,
  /** The original's id for a synced copy; null for an original. */
  syncedFrom: z.string().nullable(),
  /**
   * `own`: the block's own content (an original, or a copy whose original is not in this snapshot,
   * as Notion listed it through the copy). `mirror`: a copy's children written from its original's,
   * stored elsewhere in this snapshot; the copy stands for its original, not for content of its own.
   */
  children: z.enum(['own', 'mirror']),
});
export type SyncedBlockEntry = z.infer<typeof syncedBlockEntrySchema>;

const manifestCountsSchema = z.object({
  pages: z.number(),
  databases: z.number(),
  dataSources: z.number(),
  rows: z.number(),
  blocks: z.number(),
  files: z.number(),
  fileBytes: z.number(),
  comments: z.number(),
  /** views of databases and of linked databases */
  views: z.number(),
  /** linked database views found in page content */
  linkedDatabases: z.number(),
  users: z.number(),
  reusedPages: z.number(),
  apiCalls: z.number(),
});
export type ManifestCounts = z.infer<typeof manifestCountsSchema>;

/** manifest.json as the crawler writes it. */
export const snapshotManifestSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.number(),
  app: z.object({ name: z.string(), version: z.string() }),
  notionApiVersion: z.string(),
  /** From users.me (bot); null for personal tokens. */
  workspace: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  source: z.object({ key: z.string(), roots: z.union([z.array(z.string()), z.literal('all')]) }),
  mode: z.enum(['full', 'incremental']),
  /** The snapshot an incremental run reused. */
  basedOn: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  options: z.object({ comments: z.enum(['pages', 'all', 'off']) }),
  counts: manifestCountsSchema,
  unreachable: z.array(unreachableEntrySchema),
  unsupportedBlocks: z.array(unsupportedBlockEntrySchema),
  failedFiles: z.array(failedFileEntrySchema),
  warnings: z.array(z.string()),
  syncedBlocks: z.array(syncedBlockEntrySchema),
});
export type SnapshotManifest = z.infer<typeof snapshotManifestSchema>;

/**
 * manifest.json as a reader accepts it: what it describes and what went missing are required; the
 * run's details may be absent (snapshots made before `syncedBlocks`, hand-made ones), and counts are
 * whatever the run counted.
 */
export const storedManifestSchema = snapshotManifestSchema
  .extend({ counts: z.record(z.string(), z.number()) })
  .partial({ app: true, source: true, basedOn: true, options: true, syncedBlocks: true });
export type StoredManifest = z.infer<typeof storedManifestSchema>;
