import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

/** A write the export refused: it would have left the target folder or gone through a link. */
export class UnsafeExportPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsafeExportPathError';
  }
}

function checkRelative(relativePath: string): string[] {
  const parts = relativePath.split('/');
  if (relativePath.includes('\0') || relativePath.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new UnsafeExportPathError(`The export refused to write ${JSON.stringify(relativePath)}: not a plain path inside the export folder.`);
  }
  return parts;
}

async function lstatOrUndefined(file: string) {
  return lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * Writes files under the export folder; paths are export-relative with `/`. Counts copied files.
 * Every write stays inside the folder and never goes through a symbolic link, also when merging into
 * a folder that already holds some: each existing folder on the way is checked with lstat, a new file
 * is written under a fresh name (O_EXCL, O_NOFOLLOW) and renamed into place, and an existing link at
 * the destination is an error.
 */
export class ExportOutput {
  private readonly checkedDirs = new Set<string>();
  private realRoot: Promise<string> | undefined;
  copiedFiles = 0;

  constructor(
    readonly root: string,
    private readonly signal?: AbortSignal,
  ) {}

  absolute(relativePath: string): string {
    return path.join(this.root, ...relativePath.split('/'));
  }

  /** Creates (or checks) each folder of `parts` below the root, refusing any that is a link or a file. */
  private async ensureDir(parts: readonly string[]): Promise<void> {
    for (let depth = 1; depth <= parts.length; depth += 1) {
      const relative = parts.slice(0, depth).join('/');
      if (this.checkedDirs.has(relative)) continue;
      const dir = this.absolute(relative);
      const info = await lstatOrUndefined(dir);
      if (info?.isSymbolicLink()) throw new UnsafeExportPathError(`The export refused to write into ${relative}: it is a symbolic link in the export folder.`);
      if (info && !info.isDirectory()) throw new UnsafeExportPathError(`The export refused to write into ${relative}: it is a file, not a folder.`);
      if (!info) await mkdir(dir).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
      this.checkedDirs.add(relative);
    }
  }

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    this.signal?.throwIfAborted();
    const parts = checkRelative(relativePath);
    await this.ensureDir(parts.slice(0, -1));
    const destination = this.absolute(relativePath);
    this.realRoot ??= realpath(this.root);
    const root = await this.realRoot;
    const parent = await realpath(path.dirname(destination));
    if (parent !== root && !parent.startsWith(`${root}${path.sep}`)) {
      throw new UnsafeExportPathError(`The export refused to write ${relativePath}: its folder lies outside the export folder.`);
    }
    const existing = await lstatOrUndefined(destination);
    if (existing?.isSymbolicLink()) throw new UnsafeExportPathError(`The export refused to overwrite ${relativePath}: it is a symbolic link.`);
    if (existing && !existing.isFile()) throw new UnsafeExportPathError(`The export refused to overwrite ${relativePath}: it is not a file.`);
    // A fresh file renamed over the old one: an existing file (or a hard link to one elsewhere) is replaced, never written through.
    const temporary = path.join(parent, `.${path.basename(destination)}.${randomBytes(6).toString('hex')}.part`);
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o666);
    try {
      await handle.writeFile(data);
    } catch (error) {
      await handle.close();
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await handle.close();
    await rename(temporary, path.join(parent, path.basename(destination))).catch(async (error: unknown) => {
      await unlink(temporary).catch(() => undefined);
      throw error;
    });
  }

  async copy(relativePath: string, bytes: Uint8Array): Promise<void> {
    await this.write(relativePath, bytes);
    this.copiedFiles += 1;
  }
}
