import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { normaliseNotionObject, stableStringify } from './normalise';

export const SNAPSHOT_FORMAT = 'notion-plakar-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;

export interface ContentEntry {
  parent: { page_id: '/' };
  id: string;
  object: 'page' | 'database';
}

export interface IndexEntry {
  id: string;
  object: 'page' | 'database';
  title: string;
  icon: unknown;
  /** Directory relative to the snapshot root, with forward slashes. */
  path: string;
  parentId: string | null;
  isRow: boolean;
  lastEditedTime: string | null;
  url: string | null;
  /** What the object's own files hold (blocks, files, comments), so a reused page keeps its counts. */
  stats?: { blocks: number; files: number; fileBytes: number; comments: number };
}

export interface FileDescriptor {
  file: string;
  /** The file's original name (snapshot/file-names.ts); null when none could be found. */
  name: string | null;
  size: number;
  sha256: string;
  contentType: string | null;
  sourceKey: string;
}

/**
 * A synced block whose children are stored, as listed in `manifest.json` `syncedBlocks`
 * (docs/snapshot-format.md, "Synced blocks").
 */
export interface SyncedBlockEntry {
  blockId: string;
  /** The page whose own tree holds the block. */
  pageId: string;
  /** The block's directory, holding its blocks.json, relative to the snapshot root. */
  path: string;
  /** The original's id for a synced copy; null for an original. */
  syncedFrom: string | null;
  /**
   * `own`: the block's own content (an original, or a copy whose original is not in this snapshot,
   * as Notion listed it through the copy). `mirror`: a copy's children written from its original's,
   * stored elsewhere in this snapshot; the copy stands for its original, not for content of its own.
   */
  children: 'own' | 'mirror';
}

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

  /** page.json: the page object plus its first-level blocks as the last key. */
  async writePage(relativeDir: string, page: object, children: readonly object[]): Promise<void> {
    const normalised = normaliseNotionObject({ ...page, children });
    await this.writeJson(relativeDir, 'page.json', normalised, ['children']);
  }

  /** `<container>/<blockId>/blocks.json`: the children of one block. */
  async writeBlockChildren(blockDir: string, children: readonly object[]): Promise<void> {
    await this.writeJson(blockDir, 'blocks.json', normaliseNotionObject(children));
  }

  /** database.json (with the first data source's schema folded in) and data_sources.json. */
  async writeDatabase(relativeDir: string, database: object, dataSources: readonly object[]): Promise<void> {
    const first = dataSources[0] as { properties?: unknown } | undefined;
    const folded = { ...database, properties: first?.properties ?? {} };
    await this.writeJson(relativeDir, 'database.json', normaliseNotionObject(folded));
    await this.writeJson(relativeDir, 'data_sources.json', normaliseNotionObject(dataSources));
  }

  async writeSidecar(relativeDir: string, name: 'comments.json' | 'properties.json', value: unknown): Promise<void> {
    await this.writeJson(relativeDir, name, normaliseNotionObject(value));
  }

  async writeFilesIndex(relativeDir: string, files: ReadonlyMap<string, FileDescriptor>): Promise<void> {
    if (files.size === 0) return;
    await this.writeJson(relativeDir, 'files.json', Object.fromEntries(files));
  }

  async writeRootFiles(options: {
    content: readonly ContentEntry[];
    index: readonly IndexEntry[];
    users: readonly object[];
    manifest: object;
  }): Promise<void> {
    const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
    await this.writeJson('', 'content.json', [...options.content].sort(byId));
    await this.writeJson('', 'index.json', normaliseNotionObject([...options.index].sort((a, b) => a.path.localeCompare(b.path))));
    await this.writeJson('', 'users.json', normaliseNotionObject([...(options.users as Array<{ id: string }>)].sort(byId)));
    await this.writeJson('', 'manifest.json', options.manifest);
  }
}

/** Joins snapshot-relative directory parts with forward slashes (the same on every OS). */
export function joinSnapshotPath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}
