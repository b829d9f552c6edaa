import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotSource } from './snapshot-source';
import { plakarSource } from './plakar-source';
import { directorySource } from './reader';
import { indexFileSchema } from './format';
import { checkSnapshotPath, parseSnapshotFile } from './untrusted';

/** The small files at a snapshot's root that every reader opens first. */
const ROOT_FILES = ['content.json', 'manifest.json', 'index.json', 'users.json'];

/**
 * A snapshot read from the store on demand, for restoring or exporting some pages without restoring
 * the whole snapshot: the folder of each selected page or database (with everything below it) is
 * restored once, the first time one of its files is read; any other file the job reads (the root
 * files, a parent's title, a page the selection links to) comes from `plakar cat` and stays in
 * memory. The four root files are read at once, since every plakar command pays its key derivation;
 * a walk outside the selection lists the whole snapshot once. Disk use is what was read, not the snapshot.
 *
 * Only for this app's snapshots, whose index.json gives every object's folder; the jobs restore
 * other snapshots whole (the official connector's has no index).
 */
export function selectiveSnapshotSource(store: PlakarStore, snapshotId: string, stagingDir: string, selection: readonly string[]): SnapshotSource {
  const local = directorySource(stagingDir);
  const fromStore = plakarSource(store, snapshotId);
  const catted = new Map<string, Promise<Buffer | undefined>>(ROOT_FILES.map((name) => [name, cat(name)]));
  const restored = new Map<string, Promise<void>>();
  let selectedFolders: Promise<string[]> | undefined;
  let tree: Promise<Map<string, Array<{ name: string; isDirectory: boolean }>>> | undefined;

  /** Kept in memory only: disk holds just the selected folders. */
  function cat(relativePath: string): Promise<Buffer | undefined> {
    const read = fromStore.readBytes(relativePath);
    read.catch(() => undefined);
    return read;
  }

  function folders(): Promise<string[]> {
    selectedFolders ??= (async () => {
      const bytes = await catted.get('index.json');
      if (!bytes) return [];
      const wanted = new Set(selection);
      // Folders are restored under stagingDir by these paths: they are checked before any is used.
      return parseSnapshotFile(indexFileSchema, JSON.parse(bytes.toString('utf8')), 'index.json').filter((entry) => wanted.has(entry.id)).map((entry) => entry.path);
    })();
    return selectedFolders;
  }

  async function selectedFolderOf(relativePath: string): Promise<string | undefined> {
    return (await folders()).find((folder) => relativePath === folder || relativePath.startsWith(`${folder}/`));
  }

  function restoreFolder(folder: string): Promise<void> {
    let restoring = restored.get(folder);
    if (!restoring) {
      const target = path.join(stagingDir, folder);
      restoring = (async () => {
        await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
        await store.restore(snapshotId, target, { path: folder });
      })();
      restored.set(folder, restoring);
    }
    return restoring;
  }

  return {
    async readBytes(relativePath) {
      const clean = checkSnapshotPath(relativePath.replace(/^\/+/, ''), 'A read');
      const folder = await selectedFolderOf(clean);
      if (folder) {
        await restoreFolder(folder);
        return local.readBytes(clean);
      }
      let reading = catted.get(clean);
      if (!reading) {
        reading = cat(clean);
        catted.set(clean, reading);
      }
      return reading;
    },
    async listDirectory(relativePath) {
      const clean = checkSnapshotPath(relativePath.replace(/^\/+|\/+$/g, ''), 'A listing', true);
      const folder = await selectedFolderOf(clean);
      if (folder) {
        await restoreFolder(folder);
        return local.listDirectory(clean);
      }
      // Walking outside the selection (looking for a synced block's original, say): the whole
      // listing in one plakar command rather than one per folder.
      tree ??= store.listTree(snapshotId).then((entries) => {
        const byFolder = new Map<string, Array<{ name: string; isDirectory: boolean }>>();
        for (const entry of entries) {
          const slash = entry.path.lastIndexOf('/');
          const folder = slash < 0 ? '' : entry.path.slice(0, slash);
          const list = byFolder.get(folder) ?? [];
          list.push({ name: entry.path.slice(slash + 1), isDirectory: entry.isDirectory });
          byFolder.set(folder, list);
        }
        return byFolder;
      });
      return (await tree).get(clean) ?? [];
    },
  };
}

/** Bytes of the files under `dir`, for measuring what a selective read cost on disk. */
export async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await folderBytes(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}
