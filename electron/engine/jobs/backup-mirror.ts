import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { removeTree } from '../fs/remove-tree';

const TREE = 'tree';
const RECORD = 'mirror.json';

interface MirrorInfo {
  snapshotId: string;
  store: string;
  sourceKey: string;
  savedAt: string;
}

/**
 * A private local copy (0700) of the tree the last backup of one source stored, so the next
 * incremental backup reads its previous snapshot from disk instead of restoring the whole snapshot
 * from the store: that restore cost as much as the workspace, the copy costs nothing extra to read
 * and only what changed to renew (unchanged files are hard-linked into the new tree, which then
 * replaces the copy). See docs/snapshot-format.md, "Incremental backups".
 *
 * The copy is trusted only when its record names the snapshot the next backup is based on, for the
 * same store and source; the record is removed before the copy changes, so an interruption leaves no
 * record and the next backup restores from the store as before.
 */
export class BackupMirror {
  private readonly dir: string;

  constructor(workDir: string, private readonly store: string, private readonly sourceKey: string) {
    const key = createHash('sha256').update(`${store}\0${sourceKey}`).digest('hex').slice(0, 16);
    this.dir = path.join(mirrorsRoot(workDir), key);
  }

  private get tree(): string {
    return path.join(this.dir, TREE);
  }

  private get record(): string {
    return path.join(this.dir, RECORD);
  }

  /** The copy's tree when it is the tree of `snapshotId`; undefined otherwise. */
  async treeOf(snapshotId: string): Promise<string | undefined> {
    const info = await readRecord(this.dir);
    if (info?.snapshotId !== snapshotId || info.store !== this.store || info.sourceKey !== this.sourceKey) return undefined;
    try {
      return (await stat(this.tree)).isDirectory() ? this.tree : undefined;
    } catch {
      return undefined;
    }
  }

  /** Makes `treeDir` (just stored as `snapshotId`) the copy, moving it rather than copying it. */
  async replaceWith(treeDir: string, snapshotId: string): Promise<void> {
    await this.discard();
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    await rename(treeDir, this.tree);
    const info: MirrorInfo = { snapshotId, store: this.store, sourceKey: this.sourceKey, savedAt: new Date().toISOString() };
    await writeFile(this.record, JSON.stringify(info), { mode: 0o600 });
  }

  async discard(): Promise<void> {
    await rm(this.record, { force: true });
    await removeTree(this.dir);
  }
}

export function mirrorsRoot(workDir: string): string {
  return path.join(workDir, 'mirrors');
}

/** Removes every local copy (the user turned the copies off, or changed store). */
export async function discardAllMirrors(workDir: string): Promise<void> {
  await removeTree(mirrorsRoot(workDir));
}

/**
 * The local copy holding exactly `snapshotId` of `store`, if any: the snapshot browser reads the
 * newest snapshot from it instead of asking plakar for each file.
 */
export async function localCopyOf(workDir: string, store: string, snapshotId: string): Promise<string | undefined> {
  let keys: string[];
  try {
    keys = await readdir(mirrorsRoot(workDir));
  } catch {
    return undefined;
  }
  for (const key of keys) {
    const dir = path.join(mirrorsRoot(workDir), key);
    const info = await readRecord(dir);
    if (info?.snapshotId === snapshotId && info.store === store) return path.join(dir, TREE);
  }
  return undefined;
}

/** A copy's record; undefined when there is none or it cannot be read (then the copy is not used). */
async function readRecord(dir: string): Promise<Partial<MirrorInfo> | undefined> {
  try {
    return JSON.parse(await readFile(path.join(dir, RECORD), 'utf8')) as Partial<MirrorInfo>;
  } catch {
    return undefined;
  }
}
