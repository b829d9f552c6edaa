import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { recordOf } from '../snapshot/json-values';

export interface DownloadedFile {
  size: number;
  sha256: string;
  contentType: string | null;
}

/** The signed URL expired or was refused (S3 answers 403): re-read the object for a fresh URL. */
export class FileUrlExpiredError extends Error {
  override readonly name = 'FileUrlExpiredError';
}

export class FileDownloadError extends Error {
  override readonly name = 'FileDownloadError';
}

/**
 * Streams a Notion-hosted file to disk while hashing it, never holding it in memory. The URL is a
 * presigned storage link: no Notion token is sent with it.
 */
export async function downloadFile(url: string, destination: string, signal?: AbortSignal): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { signal, redirect: 'follow' });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new FileDownloadError(`download failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (response.status === 403 || response.status === 401) {
    await response.body?.cancel();
    throw new FileUrlExpiredError(`file URL refused (HTTP ${response.status})`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new FileDownloadError(`download failed (HTTP ${response.status})`);
  }
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      size += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as WebReadableStream),
      counter,
      createWriteStream(destination, { mode: 0o600 }),
      { signal },
    );
  } catch (error) {
    await rm(destination, { force: true });
    if (signal?.aborted) throw signal.reason;
    // A full or failing disk must fail the job; a broken transfer is one failed file.
    if (isLocalDiskError(error)) throw error;
    throw new FileDownloadError(`download interrupted: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { size, sha256: hash.digest('hex'), contentType: response.headers.get('content-type') };
}

const DISK_ERROR_CODES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EACCES', 'EMFILE']);

export function isLocalDiskError(error: unknown): boolean {
  const code = recordOf(error).code;
  return typeof code === 'string' && DISK_ERROR_CODES.has(code);
}
