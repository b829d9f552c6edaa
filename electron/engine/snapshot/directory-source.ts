import { constants } from 'node:fs';
import { lstat, open, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { SnapshotSource } from './snapshot-source';
import { checkSnapshotName, checkSnapshotPath, UnsafeSnapshotError } from './untrusted';
import { recordOf } from './json-values';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function isMissing(error: unknown): boolean {
  const code = recordOf(error).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function isInside(root: string, candidate: string): boolean {
  return candidate === root || candidate.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/**
 * A snapshot restored into a directory. Reads stay inside it: paths are checked, a symbolic link is
 * never followed (the file read is opened with O_NOFOLLOW, its folder must resolve inside the root),
 * and only regular files are read.
 */
export function directorySource(root: string): SnapshotSource {
  let realRoot: Promise<string> | undefined;

  /** The absolute path of a checked relative path, or undefined when its folder does not exist. */
  async function locate(relativePath: string): Promise<string | undefined> {
    const relative = checkSnapshotPath(relativePath, 'A read', true);
    const full = path.join(root, ...relative.split('/').filter(Boolean));
    if (relative === '') return full;
    realRoot ??= realpath(root);
    let parent: string;
    try {
      parent = await realpath(path.dirname(full));
      if (!isInside(await realRoot, parent)) throw new UnsafeSnapshotError(`${relative} lies behind a symbolic link that leads out of the snapshot.`);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const info = await lstat(full).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    if (info?.isSymbolicLink()) throw new UnsafeSnapshotError(`${relative} is a symbolic link; a snapshot's files are never read through links.`);
    return info ? full : undefined;
  }

  return {
    async readBytes(relativePath) {
      const full = await locate(relativePath);
      if (!full) return undefined;
      let handle;
      try {
        handle = await open(full, constants.O_RDONLY | NO_FOLLOW);
      } catch (error) {
        const code = recordOf(error).code;
        if (isMissing(error)) return undefined;
        if (code === 'ELOOP' || code === 'EMLINK') throw new UnsafeSnapshotError(`${relativePath} is a symbolic link; a snapshot's files are never read through links.`);
        throw error;
      }
      try {
        if (!(await handle.stat()).isFile()) throw new UnsafeSnapshotError(`${relativePath} is not a regular file.`);
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
    async listDirectory(relativePath) {
      const full = await locate(relativePath);
      if (!full) return [];
      try {
        const items = await readdir(full, { withFileTypes: true });
        // A symbolic link is listed as a file: reading it is refused, with its name in the error.
        return items.map((item) => ({ name: checkSnapshotName(item.name, `The folder ${relativePath || '/'}`), isDirectory: item.isDirectory() }));
      } catch (error) {
        if (isMissing(error)) return [];
        throw error;
      }
    },
  };
}
