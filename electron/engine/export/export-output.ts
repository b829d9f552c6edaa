import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Writes files under the export folder; paths are export-relative with `/`. Counts copied files. */
export class ExportOutput {
  private readonly createdDirs = new Set<string>();
  copiedFiles = 0;

  constructor(
    readonly root: string,
    private readonly signal?: AbortSignal,
  ) {}

  absolute(relativePath: string): string {
    return path.join(this.root, ...relativePath.split('/'));
  }

  async write(relativePath: string, data: string | Uint8Array): Promise<void> {
    this.signal?.throwIfAborted();
    const dir = path.posix.dirname(relativePath);
    if (dir !== '.' && !this.createdDirs.has(dir)) {
      await mkdir(this.absolute(dir), { recursive: true });
      this.createdDirs.add(dir);
    }
    await writeFile(this.absolute(relativePath), data);
  }

  async copy(relativePath: string, bytes: Uint8Array): Promise<void> {
    await this.write(relativePath, bytes);
    this.copiedFiles += 1;
  }
}
