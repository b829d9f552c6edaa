import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileDescriptor } from '../../snapshot/format';
import { filesFileSchema } from '../../snapshot/format';
import { SpilledMap } from './spill-file';

/** A file a tree stored, found by its source key. */
export interface StoredFile {
  absolutePath: string;
  descriptor: FileDescriptor;
}

/**
 * Every stored file described by a files.json under a tree (a previous snapshot, or the pages an
 * interrupted crawl completed), by its source key: a page fetched again links a file stored before,
 * wherever it was, instead of downloading it. Each file's folder and descriptor wait in a spill file;
 * memory keeps the key and one number (at 100,000 pages, 32,000 files, the paths held tens of MB).
 */
export class StoredFiles {
  /** Source key → the folder (relative to the root) and the descriptor. */
  private readonly byKey: SpilledMap<[string, FileDescriptor]>;

  private constructor(
    private readonly root: string,
    spillDir: string | undefined,
  ) {
    this.byKey = new SpilledMap('stored-files', spillDir);
  }

  /** `spillDir` is a private folder (the job's staging or the crawl's folder), never the tree itself. */
  static async collect(root: string, spillDir?: string): Promise<StoredFiles> {
    const files = new StoredFiles(root, spillDir);
    try {
      await files.collectUnder('');
    } catch (error) {
      files.close();
      throw error;
    }
    return files;
  }

  /** None: nothing to look up (and no file opened). */
  static none(): StoredFiles {
    return new StoredFiles('', undefined);
  }

  get size(): number {
    return this.byKey.size;
  }

  find(sourceKey: string): StoredFile | undefined {
    const found = this.byKey.get(sourceKey);
    if (!found) return undefined;
    const [dir, descriptor] = found;
    return { absolutePath: path.join(this.root, dir, descriptor.file), descriptor };
  }

  close(): void {
    this.byKey.close();
  }

  private async collectUnder(relative: string): Promise<void> {
    const items = await readdir(path.join(this.root, relative), { withFileTypes: true });
    if (items.some((item) => item.isFile() && item.name === 'files.json')) {
      try {
        const index = filesFileSchema.parse(JSON.parse(await readFile(path.join(this.root, relative, 'files.json'), 'utf8')));
        for (const descriptor of Object.values(index)) {
          // No key (a damaged descriptor) matches no file.
          if (descriptor.sourceKey) this.byKey.set(descriptor.sourceKey, [relative, descriptor]);
        }
      } catch {
        // a damaged files.json only costs a re-download
      }
    }
    // Relative folders are built with '/' and read once each: no path string is kept per file.
    for (const item of items) if (item.isDirectory()) await this.collectUnder(relative ? `${relative}/${item.name}` : item.name);
  }
}
