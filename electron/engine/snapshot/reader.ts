import path from 'node:path';
import type { ContentEntry, FileDescriptor, IndexEntry, SyncedBlockEntry } from './writer';
import { checkNotionId, checkSnapshotName, checkSnapshotPath, parseContent, parseFiles, parseIndex } from './untrusted';
import { SNAPSHOT_FORMAT } from './writer';
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

export interface SnapshotManifest {
  format: string;
  formatVersion: number;
  notionApiVersion: string;
  workspace: { id: string | null; name: string | null };
  mode: 'full' | 'incremental';
  startedAt: string;
  finishedAt: string;
  counts: Record<string, number>;
  unreachable: Array<{ id: string; object: string; referencedFrom: string | null; reason: string }>;
  unsupportedBlocks: Array<{ blockId: string; pageId: string; blockType: string }>;
  failedFiles: Array<{ ref: string; pageId: string; reason: string }>;
  warnings: string[];
  /** Absent from snapshots made before synced copies had a blocks.json of their own. */
  syncedBlocks?: SyncedBlockEntry[];
}

export interface StoredBlock {
  object: 'block';
  id: string;
  type: string;
  has_children: boolean;
  [key: string]: unknown;
}

export interface StoredPage {
  object: 'page';
  id: string;
  parent: Record<string, unknown>;
  properties: Record<string, { id: string; type: string; [key: string]: unknown }>;
  icon?: unknown;
  cover?: unknown;
  [key: string]: unknown;
}

export interface StoredComment {
  id: string;
  discussion_id: string;
  parent: { type: string; page_id?: string; block_id?: string };
  rich_text: unknown[];
  created_time: string;
  created_by?: { id: string };
  display_name?: unknown;
  attachments?: Array<{ category?: string; file?: { url: string } }>;
}

export interface FullPropertyValue {
  name: string;
  type: string;
  results: unknown[];
}

/** Reads our snapshots, and snapshots of plakar's official Notion connector (docs/snapshot-format.md). */
export class SnapshotReader {
  /** Directories of synced copies whose blocks.json mirrors their original. */
  private readonly mirrors: Set<string>;

  private constructor(
    readonly source: SnapshotSource,
    readonly manifest: SnapshotManifest | null,
    readonly content: ContentEntry[],
    private readonly entries: IndexEntry[],
  ) {
    this.mirrors = new Set((manifest?.syncedBlocks ?? []).filter((entry) => entry.children === 'mirror').map((entry) => entry.path));
  }

  /** Reads through `guardedSource`; content.json and index.json are checked before anything is followed. */
  static async open(untrusted: SnapshotSource): Promise<SnapshotReader> {
    const source = guardedSource(untrusted);
    const raw = await readJson<unknown>(source, 'content.json');
    if (raw === undefined) throw new Error('This snapshot has no content.json: it is not a Notion backup.');
    const content = parseContent(raw);
    const manifest = await readJson<SnapshotManifest>(source, 'manifest.json');
    const ours = manifest?.format === SNAPSHOT_FORMAT;
    const rawIndex = ours ? await readJson<unknown>(source, 'index.json') : undefined;
    const index = rawIndex === undefined ? await buildIndex(source, content) : parseIndex(rawIndex);
    return new SnapshotReader(source, ours ? manifest : null, content, index);
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
    const stored = await readJson<StoredPage & { children?: StoredBlock[] }>(this.source, join(entry.path, 'page.json'));
    if (!stored) throw new Error(`The snapshot is missing ${entry.path}/page.json.`);
    const { children, ...page } = stored;
    return { page: page as StoredPage, children: children ?? [] };
  }

  /**
   * The children of a block, from `<dir>/<blockId>/blocks.json`; undefined when not stored. For a
   * synced copy these may be a mirror of its original (see isSyncedMirror).
   */
  async blockChildren(dir: string, blockId: string): Promise<StoredBlock[] | undefined> {
    return readJson<StoredBlock[]>(this.source, join(dir, blockId, 'blocks.json'));
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

  async database(entry: IndexEntry): Promise<{ database: Record<string, unknown>; dataSources: Array<Record<string, unknown>> }> {
    const database = await readJson<Record<string, unknown>>(this.source, join(entry.path, 'database.json'));
    if (!database) throw new Error(`The snapshot is missing ${entry.path}/database.json.`);
    const dataSources = await readJson<Array<Record<string, unknown>>>(this.source, join(entry.path, 'data_sources.json'));
    // Official-connector snapshots (API 2022-06-28) have only the database's own properties.
    return { database, dataSources: dataSources ?? [{ id: database.id, properties: database.properties ?? {} }] };
  }

  async comments(dir: string): Promise<StoredComment[]> {
    return (await readJson<StoredComment[]>(this.source, join(dir, 'comments.json'))) ?? [];
  }

  async fullProperties(dir: string): Promise<Record<string, FullPropertyValue>> {
    return (await readJson<Record<string, FullPropertyValue>>(this.source, join(dir, 'properties.json'))) ?? {};
  }

  /**
   * The stored files of a directory by reference (`block:<id>`, `page:<id>:cover`, …). For official
   * connector snapshots, images stored as `<block id>.jpg` are described on the fly.
   */
  async files(dir: string): Promise<Map<string, FileDescriptor>> {
    const file = join(dir, 'files.json');
    const described = await readJson<unknown>(this.source, file);
    if (described !== undefined) return new Map(Object.entries(parseFiles(described, file)));
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

  async users(): Promise<Array<{ id: string; name?: string; type?: string; person?: { email?: string } }>> {
    return (await readJson(this.source, 'users.json')) ?? [];
  }
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join('/');
}

async function readJson<T>(source: SnapshotSource, relativePath: string): Promise<T | undefined> {
  const bytes = await source.readBytes(relativePath);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new Error(`The snapshot file ${relativePath} is damaged (not valid JSON).`);
  }
}

function titleOf(object: Record<string, unknown>): string {
  const plain = (items: unknown): string =>
    Array.isArray(items) ? items.map((item) => (item as { plain_text?: string }).plain_text ?? '').join('') : '';
  if (object.object === 'database') return plain(object.title);
  for (const value of Object.values((object.properties ?? {}) as Record<string, { type?: string; title?: unknown }>)) {
    if (value?.type === 'title') return plain(value.title);
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
      const object = (await readJson<Record<string, unknown>>(source, join(dir, file))) ?? {};
      isDatabase = file === 'database.json';
      ownId = checkNotionId(object.id ?? path.posix.basename(dir), join(dir, file));
      entries.push({
        id: ownId,
        object: isDatabase ? 'database' : 'page',
        title: titleOf(object),
        icon: object.icon ?? null,
        path: dir,
        parentId,
        isRow,
        lastEditedTime: typeof object.last_edited_time === 'string' ? object.last_edited_time : null,
        url: typeof object.url === 'string' ? object.url : null,
      });
    }
    for (const item of items) if (item.isDirectory) await visit(join(dir, item.name), ownId, isDatabase);
  };
  for (const root of content) await visit(root.id, null, false);
  return entries.sort((a, b) => a.path.localeCompare(b.path));
}
