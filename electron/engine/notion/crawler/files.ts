import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BlockObjectResponse } from '@notionhq/client';
import { originalFileName } from '../../snapshot/file-names';
import type { FileDescriptor } from '../../snapshot/format';
import { blockPayload } from '../../snapshot/format';
import { isRecord } from '../../snapshot/json-values';
import { stableFileUrl } from '../../snapshot/normalise';
import { downloadFile, FileDownloadError, FileUrlExpiredError } from '../file-download';
import type { CrawlContext } from './context';
import { linkOrCopy } from './link-or-copy';

/** Block types whose payload is a file object. */
export const FILE_BLOCK_TYPES = new Set(['image', 'video', 'audio', 'pdf', 'file']);

export interface HostedFile {
  /** Reference key in files.json (docs/snapshot-format.md). */
  ref: string;
  /** File name in the snapshot directory. */
  fileName: string;
  url: string;
  /** The file's original name (snapshot/file-names.ts), cleaned; null when none can be found. */
  name: string | null;
  /** Re-reads the owning object and returns a fresh signed URL (URLs expire after an hour). */
  refresh: () => Promise<string | undefined>;
}

/** A Notion-hosted file object (`{type: "file", file: {url}}`) anywhere a file can be: icons, covers, payloads, values. */
export function isHostedFile<T>(file: T): file is T & { type: 'file'; file: { url: string } } {
  return isRecord(file) && file.type === 'file' && isRecord(file.file) && typeof file.file.url === 'string';
}

/** The extension of the file's own name or URL path, sanitised; `.bin` when there is none. */
export function fileExtension(nameOrUrl: string | null | undefined): string {
  if (!nameOrUrl) return '.bin';
  let base = nameOrUrl;
  try {
    base = decodeURIComponent(new URL(nameOrUrl).pathname.split('/').pop() ?? '');
  } catch {
    // not a URL: a plain file name
  }
  const ext = path.extname(base).toLowerCase();
  return /^\.[a-z0-9]{1,10}$/.test(ext) ? ext : '.bin';
}

export function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** The Notion-hosted files of one block: its media payload, and a callout's uploaded icon. */
export function blockHostedFiles(block: BlockObjectResponse, refresh: () => Promise<BlockObjectResponse>): HostedFile[] {
  const payload = blockPayload(block);
  const files: HostedFile[] = [];
  if (FILE_BLOCK_TYPES.has(block.type) && isHostedFile(payload)) {
    const name = originalFileName({ name: payload.name, caption: payload.caption, url: payload.file.url });
    files.push({
      ref: `block:${block.id}`,
      fileName: `${block.id}${fileExtension(name ?? payload.file.url)}`,
      url: payload.file.url,
      name,
      refresh: async () => {
        const fresh = blockPayload(await refresh());
        return isHostedFile(fresh) ? fresh.file.url : undefined;
      },
    });
  }
  const icon = payload.icon;
  if (isHostedFile(icon)) {
    files.push({
      ref: `block:${block.id}:icon`,
      fileName: `${block.id}-icon${fileExtension(icon.file.url)}`,
      url: icon.file.url,
      name: originalFileName({ url: icon.file.url }),
      refresh: async () => {
        const fresh = blockPayload(await refresh()).icon;
        return isHostedFile(fresh) ? fresh.file.url : undefined;
      },
    });
  }
  return files;
}

/**
 * Downloads one hosted file into `dir` and records it in `files`. An expired URL is refreshed once;
 * a file that still cannot be fetched is recorded in the manifest, never silently dropped. With an
 * incremental base, a file whose stable identity was already stored is linked, not downloaded.
 */
export async function storeHostedFile(
  context: CrawlContext,
  dir: string,
  files: Map<string, FileDescriptor>,
  target: HostedFile,
  pageId: string,
): Promise<void> {
  const destination = context.writer.absolute(dir, target.fileName);
  const sourceKey = stableFileUrl(target.url);
  await context.writer.ensureDir(dir);
  const reused = context.reuse.map((tree) => tree.findFile(sourceKey)).find((found) => found !== undefined);
  if (reused && (await placeStoredFile(reused.absolutePath, destination))) {
    recordFile(context, files, target, sourceKey, reused.descriptor.size, reused.descriptor.sha256, reused.descriptor.contentType);
    return;
  }
  let url = target.url;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const downloaded = await downloadFile(url, destination, context.signal);
      recordFile(context, files, target, sourceKey, downloaded.size, downloaded.sha256, downloaded.contentType);
      return;
    } catch (error) {
      if (error instanceof FileUrlExpiredError && attempt === 0) {
        const fresh = await target.refresh().catch(() => undefined);
        if (fresh) {
          url = fresh;
          continue;
        }
      }
      if (error instanceof FileUrlExpiredError || error instanceof FileDownloadError) {
        context.state.failedFiles.push({ ref: target.ref, pageId, reason: error.message });
        return;
      }
      throw error;
    }
  }
}

function recordFile(
  context: CrawlContext,
  files: Map<string, FileDescriptor>,
  target: HostedFile,
  sourceKey: string,
  size: number,
  sha256: string,
  contentType: string | null,
): void {
  files.set(target.ref, { file: target.fileName, name: target.name, size, sha256, contentType, sourceKey });
  context.state.counts.files += 1;
  context.state.counts.fileBytes += size;
  context.onProgress();
}

/**
 * Puts a file stored earlier at `destination`: already there (a resumed crawl writing the same tree),
 * or linked from where it is. False when it is gone (its page was cleared to be fetched again).
 */
async function placeStoredFile(stored: string, destination: string): Promise<boolean> {
  if (path.resolve(stored) === path.resolve(destination)) {
    try {
      await stat(destination);
      return true;
    } catch {
      return false;
    }
  }
  try {
    await linkOrCopy(stored, destination);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
