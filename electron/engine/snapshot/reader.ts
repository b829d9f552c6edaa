import path from 'node:path';
import type { z } from 'zod';
import type {
  ContentEntry,
  FileDescriptor,
  FullPropertyValue,
  IndexEntry,
  LinkedViews,
  StoredBlock,
  StoredComment,
  StoredDatabase,
  StoredDataSource,
  StoredManifest,
  StoredPage,
  StoredUser,
  StoredView,
} from './format';
import {
  blocksFileSchema,
  commentsFileSchema,
  contentFileSchema,
  databaseFileSchema,
  dataSourcesFileSchema,
  filesFileSchema,
  indexFileSchema,
  LINKED_VIEWS_FILE,
  linkedViewsFileSchema,
  pageFileSchema,
  propertiesFileSchema,
  SNAPSHOT_FORMAT,
  storedManifestSchema,
  usersFileSchema,
  VIEWS_FILE,
  viewsFileSchema,
} from './format';
import { forEachJsonArrayElement, NotAJsonArrayError } from './json-array';
import { isRecord, plainTextOf, stringOf } from './json-values';
import { checkNotionId, checkSnapshotName, checkSnapshotPath, parseSnapshotFile } from './untrusted';
import type { SnapshotSource } from './snapshot-source';

export { directorySource } from './directory-source';

/**
 * The source a reader reads through: every path is checked before it reaches `source`, and every
 * name a listing returns is a single safe name (docs/snapshot-format.md, "Untrusted input").
 */
export function guardedSource(source: SnapshotSource): SnapshotSource {
  return {
    async readBytes(relativePath) {
      return source.readBytes(checkSnapshotPath(relativePath, 'A read'));
    },
    async listDirectory(relativePath) {
      const items = await source.listDirectory(checkSnapshotPath(relativePath, 'A listing', true));
      return items.map((item) => ({ name: checkSnapshotName(item.name, `The folder ${relativePath || '/'}`), isDirectory: item.isDirectory }));
    },
  };
}

/**
 * A data source as reader.database() gives it: official-connector snapshots (API 2022-06-28) have no
 * data_sources.json, only the database's own properties, given under the database's id.
 */
export type DatabaseSource = Pick<StoredDataSource, 'id' | 'properties'> & Partial<StoredDataSource>;

/** Reads our snapshots, and snapshots of plakar's official Notion connector (docs/snapshot-format.md). */
export class SnapshotReader {
  /** Directories of synced copies whose blocks.json mirrors their original. */
  private readonly mirrors: Set<string>;

  private constructor(
    readonly source: SnapshotSource,
    readonly manifest: StoredManifest | null,
    readonly content: ContentEntry[],
    private readonly entries: IndexEntry[],
  ) {
    this.mirrors = new Set((manifest?.syncedBlocks ?? []).filter((entry) => entry.children === 'mirror').map((entry) => entry.path));
  }

  /**
   * A tree this process has just written, with the index it wrote (a backup's crawl hands it over):
   * index.json is not read back. content.json and the manifest are read and checked as `open` does.
   */
  static async openWithIndex(untrusted: SnapshotSource, index: IndexEntry[]): Promise<SnapshotReader> {
    const source = guardedSource(untrusted);
    const content = await readFile(source, 'content.json', contentFileSchema);
    if (content === undefined) throw new Error('This snapshot has no content.json: it is not a Notion backup.');
    const manifest = await readFile(source, 'manifest.json', storedManifestSchema);
    return new SnapshotReader(source, manifest ?? null, content, index);
  }

  /** Reads through `guardedSource`; content.json and index.json are checked before anything is followed. */
  static async open(untrusted: SnapshotSource): Promise<SnapshotReader> {
    const source = guardedSource(untrusted);
    const content = await readFile(source, 'content.json', contentFileSchema);
    if (content === undefined) throw new Error('This snapshot has no content.json: it is not a Notion backup.');
    const rawManifest = await readJson(source, 'manifest.json');
    const manifest = isRecord(rawManifest) && rawManifest.format === SNAPSHOT_FORMAT ? parseSnapshotFile(storedManifestSchema, rawManifest, 'manifest.json') : null;
    const index = (manifest ? await readIndexFile(source) : undefined) ?? (await buildIndex(source, content));
    return new SnapshotReader(source, manifest, content, index);
  }

  /** True for snapshots made by plakar's official connector (no manifest, no sidecar files). */
  get isOfficialConnector(): boolean {
    return this.manifest === null;
  }

  index(): readonly IndexEntry[] {
    return this.entries;
  }

  entry(id: string): IndexEntry | undefined {
    return this.entries.find((entry) => entry.id === id);
  }

  /** The entry and everything below it, parents before children. */
  subtree(id: string): IndexEntry[] {
    const root = this.entry(id);
    if (!root) return [];
    const prefix = `${root.path}/`;
    return this.entries
      .filter((entry) => entry.id === id || entry.path.startsWith(prefix))
      .sort((a, b) => a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
  }

  async page(entry: IndexEntry): Promise<{ page: StoredPage; children: StoredBlock[] }> {
    const stored = await readFile(this.source, join(entry.path, 'page.json'), pageFileSchema);
    if (!stored) throw new Error(`The snapshot is missing ${entry.path}/page.json.`);
    const { children, ...page } = stored;
    return { page, children: children ?? [] };
  }

  /**
   * The children of a block, from `<dir>/<blockId>/blocks.json`; undefined when not stored. For a
   * synced copy these may be a mirror of its original (see isSyncedMirror).
   */
  async blockChildren(dir: string, blockId: string): Promise<StoredBlock[] | undefined> {
    return readFile(this.source, join(dir, blockId, 'blocks.json'), blocksFileSchema);
  }

  /**
   * True when the block at `<dir>/<blockId>` is a synced copy whose stored children only mirror its
   * original, stored elsewhere in this snapshot (manifest `syncedBlocks`). Such a copy has no content
   * of its own: restore it as a link to its original. Snapshots without the record never say so.
   */
  isSyncedMirror(dir: string, blockId: string): boolean {
    return this.mirrors.has(join(dir, blockId));
  }

  /**
   * The block's own children: as blockChildren, but undefined for a synced copy whose children
   * mirror its original. A synced copy has content of its own exactly when this is defined.
   */
  async ownBlockChildren(dir: string, blockId: string): Promise<StoredBlock[] | undefined> {
    return this.isSyncedMirror(dir, blockId) ? undefined : this.blockChildren(dir, blockId);
  }

  async database(entry: IndexEntry): Promise<{ database: StoredDatabase; dataSources: DatabaseSource[] }> {
    const database = await readFile(this.source, join(entry.path, 'database.json'), databaseFileSchema);
    if (!database) throw new Error(`The snapshot is missing ${entry.path}/database.json.`);
    const dataSources = await readFile(this.source, join(entry.path, 'data_sources.json'), dataSourcesFileSchema);
    // Official-connector snapshots (API 2022-06-28) have only the database's own properties.
    return { database, dataSources: dataSources ?? [{ id: database.id, properties: database.properties ?? {} }] };
  }

  /** A database's data sources as data_sources.json stores them (without reading database.json); empty when absent. */
  async dataSources(entry: IndexEntry): Promise<StoredDataSource[]> {
    return (await readFile(this.source, join(entry.path, 'data_sources.json'), dataSourcesFileSchema)) ?? [];
  }

  /** A database's views in tab order (views.json); empty for snapshots made before views were kept. */
  async views(entry: IndexEntry): Promise<StoredView[]> {
    return (await readFile(this.source, join(entry.path, VIEWS_FILE), viewsFileSchema)) ?? [];
  }

  /**
   * The views of the linked databases whose child_database blocks stand in `dir` (beside the page.json
   * or blocks.json holding them), by block id.
   */
  async linkedViews(dir: string): Promise<LinkedViews> {
    return (await readFile(this.source, join(dir, LINKED_VIEWS_FILE), linkedViewsFileSchema)) ?? {};
  }

  async comments(dir: string): Promise<StoredComment[]> {
    return (await readFile(this.source, join(dir, 'comments.json'), commentsFileSchema)) ?? [];
  }

  async fullProperties(dir: string): Promise<Record<string, FullPropertyValue>> {
    return (await readFile(this.source, join(dir, 'properties.json'), propertiesFileSchema)) ?? {};
  }

  /**
   * The stored files of a directory by reference (`block:<id>`, `page:<id>:cover`, …). For official
   * connector snapshots, images stored as `<block id>.jpg` are described on the fly.
   */
  async files(dir: string): Promise<Map<string, FileDescriptor>> {
    const described = await readFile(this.source, join(dir, 'files.json'), filesFileSchema);
    if (described !== undefined) return new Map(Object.entries(described));
    const files = new Map<string, FileDescriptor>();
    for (const item of await this.source.listDirectory(dir)) {
      const match = /^([0-9a-f-]{36})\.jpg$/.exec(item.name);
      if (item.isDirectory || !match?.[1]) continue;
      files.set(`block:${match[1]}`, { file: item.name, name: item.name, size: -1, sha256: '', contentType: 'image/jpeg', sourceKey: '' });
    }
    return files;
  }

  async fileBytes(dir: string, descriptor: FileDescriptor): Promise<Buffer | undefined> {
    return this.source.readBytes(join(dir, checkSnapshotName(descriptor.file, `${dir}/files.json`)));
  }

  async users(): Promise<StoredUser[]> {
    return (await readFile(this.source, 'users.json', usersFileSchema)) ?? [];
  }
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

async function readJson(source: SnapshotSource, relativePath: string): Promise<unknown> {
  const bytes = await source.readBytes(relativePath);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new Error(`The snapshot file ${relativePath} is damaged (not valid JSON).`);
  }
}

/**
 * index.json, each entry checked as it is parsed (json-array.ts): 100,000 entries are not held twice,
 * parsed then checked. What is not a list of entries fails as any snapshot file does: what and where.
 */
async function readIndexFile(source: SnapshotSource): Promise<IndexEntry[] | undefined> {
  const bytes = await source.readBytes('index.json');
  if (!bytes) return undefined;
  const entrySchema = indexFileSchema.element;
  const entries: IndexEntry[] = [];
  try {
    await forEachJsonArrayElement(bytes, (value) => {
      const result = entrySchema.safeParse(value);
      // The first element that is not an entry: the list so far and it, through the schema, say where.
      if (!result.success) parseSnapshotFile(indexFileSchema, [...entries, value], 'index.json');
      entries.push(result.data as IndexEntry);
    });
  } catch (error) {
    if (!(error instanceof NotAJsonArrayError)) throw error;
    // Not a list: JSON.parse tells damaged text from another value, which the schema describes.
    let value: unknown;
    try {
      value = JSON.parse(bytes.toString('utf8'));
    } catch {
      throw new Error('The snapshot file index.json is damaged (not valid JSON).');
    }
    return parseSnapshotFile(indexFileSchema, value, 'index.json');
  }
  return entries;
}

/** A snapshot file parsed with its schema (format.ts); undefined when the snapshot does not have it. */
async function readFile<Schema extends z.ZodType>(source: SnapshotSource, relativePath: string, schema: Schema): Promise<z.output<Schema> | undefined> {
  const value = await readJson(source, relativePath);
  return value === undefined ? undefined : parseSnapshotFile(schema, value, relativePath);
}

function titleOf(object: StoredPage | StoredDatabase): string {
  if (object.object === 'database') return plainTextOf(object.title);
  for (const value of Object.values(object.properties)) {
    if (value.type === 'title') return plainTextOf(value.title);
  }
  return '';
}

/** For snapshots without index.json: walk the tree from content.json. */
async function buildIndex(source: SnapshotSource, content: ContentEntry[]): Promise<IndexEntry[]> {
  const entries: IndexEntry[] = [];
  const visit = async (dir: string, parentId: string | null, isRow: boolean): Promise<void> => {
    const items = await source.listDirectory(dir);
    const names = new Set(items.filter((item) => !item.isDirectory).map((item) => item.name));
    const file = names.has('page.json') ? 'page.json' : names.has('database.json') ? 'database.json' : undefined;
    let ownId = parentId;
    let isDatabase = false;
    if (file) {
      const where = join(dir, file);
      isDatabase = file === 'database.json';
      const object = isDatabase ? await readFile(source, where, databaseFileSchema) : await readFile(source, where, pageFileSchema);
      ownId = object?.id ?? checkNotionId(path.posix.basename(dir), where);
      entries.push({
        id: ownId,
        object: isDatabase ? 'database' : 'page',
        title: object ? titleOf(object) : '',
        icon: object?.icon ?? null,
        path: dir,
        parentId,
        isRow,
        lastEditedTime: stringOf(object?.last_edited_time) ?? null,
        url: stringOf(object?.url) ?? null,
      });
    }
    for (const item of items) if (item.isDirectory) await visit(join(dir, item.name), ownId, isDatabase);
  };
  for (const root of content) await visit(root.id, null, false);
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}
