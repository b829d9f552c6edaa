import { lstat, readdir, rm, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';

/** Files and folders being removed at once, over the whole tree. */
const CONCURRENCY = 16;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Removes a file or a folder and everything in it, as `rm -rf` does (nothing there is not an error;
 * symbolic links are removed, never followed), with a bounded number of operations at once.
 *
 * Why not `fs.rm(…, { recursive: true })`: Node starts an operation for every entry of the tree at
 * once. On a staged tree of 10,000 pages (36,000 files) that took 100 MB more resident memory, and it
 * grows with the tree; this stays within about 20 MB and is as fast (measured on Node 20).
 */
export async function removeTree(target: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await lstat(target)).isDirectory();
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  if (!isDirectory) return ignoreMissing(unlink(target));
  await new TreeRemoval().directory(target);
}

class TreeRemoval {
  private running = 0;

  async directory(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    const started: Array<Promise<void>> = [];
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      const remove = entry.isDirectory() ? () => this.directory(child) : () => ignoreMissing(unlink(child));
      // Runs beside the others while there is room, else in turn: the tree is never listed ahead.
      if (this.running < CONCURRENCY) {
        this.running += 1;
        started.push(remove().finally(() => (this.running -= 1)));
      } else {
        await remove();
      }
    }
    await Promise.all(started);
    try {
      await rmdir(dir);
    } catch (error) {
      if (isMissing(error)) return;
      // Windows can hold a folder busy for a moment (an antivirus, the indexer): Node's own retries.
      await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    }
  }
}

async function ignoreMissing(removal: Promise<void>): Promise<void> {
  try {
    await removal;
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
}
