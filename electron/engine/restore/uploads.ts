import type { FileUploadObjectResponse } from '@notionhq/client';
import type { NotionGateway } from '../notion/gateway';
import { cleanFileName, fileNameOfUrl } from '../snapshot/file-names';
import type { SnapshotReader } from '../snapshot/reader';
import type { FileDescriptor } from '../snapshot/format';
import mime from 'mime';
import { isRefusal, refusalReason } from './refusals';
import type { UploadFailure, UploadService } from './upload-service';

/** Notion's single-part upload limit; larger files go in parts (paid workspaces). */
export const SINGLE_PART_LIMIT = 20 * 1024 * 1024;
const PART_SIZE = 10 * 1024 * 1024;

/** Dry run: every stored file within the size limit "uploads", at two requests each. */
export class PlannedUploads implements UploadService {
  private readonly planned = new Set<string>();
  readonly failures: UploadFailure[] = [];
  count = 0;
  requests = 0;

  constructor(
    private readonly reader: SnapshotReader,
    private readonly maxBytes: number | null,
  ) {}

  idFor(ref: string): string | undefined {
    return this.planned.has(ref) ? `planned:${ref}` : undefined;
  }

  async uploadFrom(dir: string, wanted: (ref: string) => boolean): Promise<void> {
    for (const [ref, descriptor] of await this.reader.files(dir)) {
      if (!wanted(ref) || this.planned.has(ref)) continue;
      if (this.maxBytes !== null && descriptor.size > this.maxBytes) {
        this.failures.push({ ref, reason: `${descriptor.size} bytes is over this workspace's upload limit of ${this.maxBytes} bytes` });
        continue;
      }
      this.planned.add(ref);
      this.count += 1;
      this.requests += descriptor.size > SINGLE_PART_LIMIT ? Math.ceil(descriptor.size / PART_SIZE) + 2 : 2;
    }
  }
}

/**
 * Re-uploads stored files through the File Upload API, once per reference per restore, right before
 * the object that uses them is created (an upload must be attached within the hour).
 */
export class FileUploader implements UploadService {
  private readonly uploaded = new Map<string, string>();
  readonly failures: UploadFailure[] = [];
  count = 0;

  constructor(
    private readonly gateway: NotionGateway,
    private readonly reader: SnapshotReader,
    /** users.me workspace_limits.max_file_upload_size_in_bytes, when Notion reports it. */
    private readonly maxBytes: number | null,
  ) {}

  /**
   * After a send or complete whose answer was lost: did it land? The upload says how many parts it has
   * received and whether it is complete. Undefined (send again) when it did not.
   */
  private async uploadedAnyway(uploadId: string, partsSent: number): Promise<FileUploadObjectResponse | undefined> {
    const upload = await this.gateway.call('fileUploads.retrieve', (client) => client.fileUploads.retrieve({ file_upload_id: uploadId }));
    if (upload.status === 'uploaded') return upload;
    return partsSent !== Infinity && (upload.number_of_parts?.sent ?? 0) >= partsSent ? upload : undefined;
  }

  /** The file_upload id of a reference uploaded earlier in this restore. */
  idFor(ref: string): string | undefined {
    return this.uploaded.get(ref);
  }

  /** Uploads every stored file of `dir` whose reference matches `wanted` (not yet uploaded). */
  async uploadFrom(dir: string, wanted: (ref: string) => boolean): Promise<void> {
    const files = await this.reader.files(dir);
    for (const [ref, descriptor] of files) {
      if (!wanted(ref) || this.uploaded.has(ref)) continue;
      try {
        const id = await this.upload(ref, dir, descriptor);
        if (id) this.uploaded.set(ref, id);
      } catch (error) {
        // Notion refuses some files (a type it does not take, say): that file is reported, the restore goes on.
        if (!isRefusal(error)) throw error;
        this.failures.push({ ref, reason: `Notion refused the upload of ${uploadFileName(descriptor)}: ${refusalReason(error)}` });
      }
    }
  }

  private async upload(ref: string, dir: string, descriptor: FileDescriptor): Promise<string | undefined> {
    const bytes = await this.reader.fileBytes(dir, descriptor);
    if (!bytes) {
      this.failures.push({ ref, reason: 'the file is missing from the snapshot' });
      return undefined;
    }
    if (this.maxBytes !== null && bytes.length > this.maxBytes) {
      this.failures.push({ ref, reason: `${bytes.length} bytes is over this workspace's upload limit of ${this.maxBytes} bytes` });
      return undefined;
    }
    const filename = uploadFileName(descriptor);
    const contentType = contentTypeOf(descriptor.contentType, filename);
    const blob = (part: Buffer) => new Blob([new Uint8Array(part)], { type: contentType });
    if (bytes.length <= SINGLE_PART_LIMIT) {
      const created = await this.gateway.call('fileUploads.create', (client) =>
        client.fileUploads.create({ mode: 'single_part', filename, content_type: contentType }),
      );
      await this.gateway.call(
        'fileUploads.send',
        (client) => client.fileUploads.send({ file_upload_id: created.id, file: { filename, data: blob(bytes) } }),
        () => this.uploadedAnyway(created.id, 1),
      );
      this.count += 1;
      return created.id;
    }
    const parts = Math.ceil(bytes.length / PART_SIZE);
    // A lost answer to create only leaves an unattached upload, which Notion expires after an hour.
    const created = await this.gateway.call('fileUploads.create', (client) =>
      client.fileUploads.create({ mode: 'multi_part', filename, content_type: contentType, number_of_parts: parts }),
    );
    for (let part = 0; part < parts; part += 1) {
      const slice = bytes.subarray(part * PART_SIZE, (part + 1) * PART_SIZE);
      await this.gateway.call(
        'fileUploads.send',
        (client) => client.fileUploads.send({ file_upload_id: created.id, part_number: String(part + 1), file: { filename, data: blob(slice) } }),
        () => this.uploadedAnyway(created.id, part + 1),
      );
    }
    await this.gateway.call(
      'fileUploads.complete',
      (client) => client.fileUploads.complete({ file_upload_id: created.id }),
      () => this.uploadedAnyway(created.id, Infinity),
    );
    this.count += 1;
    return created.id;
  }
}

/**
 * The filename an upload is sent under, so the restored file keeps its original name: the name the
 * snapshot recorded, else (snapshots that recorded none) the last segment of the file's stored URL,
 * else the stored file's own name. The snapshot is untrusted, so the name is cleaned again (no path
 * separators or control characters, at most 255 bytes: well within Notion's 900).
 */
export function uploadFileName(descriptor: FileDescriptor): string {
  return cleanFileName(descriptor.name) ?? fileNameOfUrl(descriptor.sourceKey) ?? cleanFileName(descriptor.file) ?? 'file';
}

/**
 * The content type an upload is declared with: the stored one, unless it says nothing
 * (application/octet-stream, which Notion refuses), then the one the file name's extension implies.
 */
export function contentTypeOf(stored: string | null | undefined, filename: string): string {
  const declared = stored?.split(';')[0]?.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream') return declared;
  return mime.getType(filename) ?? 'application/octet-stream';
}
