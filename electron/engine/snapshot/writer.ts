import { mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type {
  ContentEntry,
  FileDescriptor,
  FullPropertyValue,
  IndexEntry,
  LinkedViews,
  SnapshotManifest,
  StoredBlock,
  StoredComment,
  StoredDatabase,
  StoredDataSource,
  StoredPage,
  StoredUser,
  StoredView,
} from './format';
import { LINKED_VIEWS_FILE, VIEWS_FILE } from './format';
import { normaliseNotionObject, stableStringify } from './normalise';

/** How much JSON text a streamed file holds before it is written out. */
const WRITE_CHUNK_CHARS = 1 << 20;

/**
 * Writes the files of one snapshot tree under `root` (docs/snapshot-format.md). Paths given to it are
 * relative directories; it never holds more than one object's JSON at a time.
 */
export class SnapshotWriter {
  constructor(readonly root: string) {}

  absolute(relativeDir: string, name?: string): string {
    return name === undefined ? path.join(this.root, relativeDir) : path.join(this.root, relativeDir, name);
  }

  async ensureDir(relativeDir: string): Promise<void> {
    await mkdir(this.absolute(relativeDir), { recursive: true, mode: 0o700 });
  }

  /**
   * Written to a temporary name, then renamed: a file hard-linked from the previous backup's tree
   * (incremental backups) is replaced, never written through, so that tree stays as it was stored.
   */
  async writeJson(relativeDir: string, name: string, value: unknown, lastKeys: readonly string[] = []): Promise<void> {
    await this.ensureDir(relativeDir);
    const target = this.absolute(relativeDir, name);
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, stableStringify(value, lastKeys), { mode: 0o600 });
    await rename(temporary, target);
  }

  /**
   * A top-level array, one element at a time: the same bytes as writeJson (stableStringify), without
   * the whole text or a normalised copy of every element in memory at once (index.json lists every
   * page of the workspace).
   */
  async writeJsonArray(relativeDir: string, name: string, items: Iterable<object>): Promise<void> {
    await this.ensureDir(relativeDir);
    const target = this.absolute(relativeDir, name);
    const temporary = `${target}.${process.pid}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      let chunk = '[';
      let first = true;
      for (const item of items) {
        chunk += `${first ? '' : ','}${stableStringify(normaliseNotionObject(item)).slice(0, -1)}`;
        first = false;
        if (chunk.length >= WRITE_CHUNK_CHARS) {
          await file.write(chunk);
          chunk = '';
        }
      }
      await file.write(`${chunk}]\n`);
    } finally {
      await file.close();
    }
    await rename(temporary, target);
  }

  /** page.json: the page object plus its first-level blocks as the last key. */
  async writePage(relativeDir: string, page: StoredPage, children: readonly StoredBlock[]): Promise<void> {
    const normalised = normaliseNotionObject({ ...page, children });
    await this.writeJson(relativeDir, 'page.json', normalised, ['children']);
  }

  /** `<container>/<blockId>/blocks.json`: the children of one block. */
  async writeBlockChildren(blockDir: string, children: readonly StoredBlock[]): Promise<void> {
    await this.writeJson(blockDir, 'blocks.json', normaliseNotionObject(children));
  }

  /** database.json (with the first data source's schema folded in) and data_sources.json. */
  async writeDatabase(relativeDir: string, database: StoredDatabase, dataSources: readonly StoredDataSource[]): Promise<void> {
    const folded: StoredDatabase = { ...database, properties: dataSources[0]?.properties ?? {} };
    await this.writeJson(relativeDir, 'database.json', normaliseNotionObject(folded));
    await this.writeJson(relativeDir, 'data_sources.json', normaliseNotionObject(dataSources));
  }

  /** views.json: a database's views in tab order. */
  async writeViews(relativeDir: string, views: readonly StoredView[]): Promise<void> {
    await this.writeJson(relativeDir, VIEWS_FILE, normaliseNotionObject(views));
  }

  /** linked_views.json: the views of the linked databases whose blocks stand in this directory. */
  async writeLinkedViews(relativeDir: string, views: LinkedViews): Promise<void> {
    await this.writeJson(relativeDir, LINKED_VIEWS_FILE, normaliseNotionObject(views));
  }

  async removeFile(relativeDir: string, name: string): Promise<void> {
    await rm(this.absolute(relativeDir, name), { force: true });
  }

  async writeComments(relativeDir: string, comments: readonly StoredComment[]): Promise<void> {
    await this.writeJson(relativeDir, 'comments.json', normaliseNotionObject(comments));
  }

  /** properties.json: full values of the properties the page object truncated, by property id. */
  async writeFullProperties(relativeDir: string, properties: Readonly<Record<string, FullPropertyValue>>): Promise<void> {
    await this.writeJson(relativeDir, 'properties.json', normaliseNotionObject(properties));
  }

  async writeFilesIndex(relativeDir: string, files: ReadonlyMap<string, FileDescriptor>): Promise<void> {
    if (files.size === 0) return;
    await this.writeJson(relativeDir, 'files.json', Object.fromEntries(files));
  }

  async writeRootFiles(options: {
    content: readonly ContentEntry[];
    /** Sorted by path, as index.json lists it; read as it is written. */
    index: Iterable<IndexEntry>;
    users: readonly StoredUser[];
    manifest: SnapshotManifest;
  }): Promise<void> {
    const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
    await this.writeJson('', 'content.json', [...options.content].sort(byId));
    await this.writeJsonArray('', 'index.json', options.index);
    await this.writeJson('', 'users.json', normaliseNotionObject([...options.users].sort(byId)));
    await this.writeJson('', 'manifest.json', options.manifest);
  }
}

/** Joins snapshot-relative directory parts with forward slashes (the same on every OS). */
export function joinSnapshotPath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}
