import type { NotionGateway } from '../notion/gateway';
import { cleanFileName, fileNameOfUrl } from '../snapshot/file-names';
import type { SnapshotReader } from '../snapshot/reader';
import type { FileDescriptor } from '../snapshot/writer';

/** Notion's single-part upload limit; larger files go in parts (paid workspaces). */
export const SINGLE_PART_LIMIT = 20 * 1024 * 1024;
const PART_SIZE = 10 * 1024 * 1024;

export interface UploadFailure {
  ref: string;
  reason: string;
}

/** What a restore needs from file uploads; the dry run plans them instead of sending them. */
export interface UploadService {
  readonly failures: UploadFailure[];
  readonly count: number;
  idFor(ref: string): string | undefined;
  uploadFrom(dir: string, wanted: (ref: string) => boolean): Promise<void>;
}

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

  /** The file_upload id of a reference uploaded earlier in this restore. */
  idFor(ref: string): string | undefined {
    return this.uploaded.get(ref);
  }

  /** Uploads every stored file of `dir` whose reference matches `wanted` (not yet uploaded). */
  async uploadFrom(dir: string, wanted: (ref: string) => boolean): Promise<void> {
    const files = await this.reader.files(dir);
    for (const [ref, descriptor] of files) {
      if (!wanted(ref) || this.uploaded.has(ref)) continue;
      const id = await this.upload(ref, dir, descriptor);
      if (id) this.uploaded.set(ref, id);
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
    const contentType = descriptor.contentType ?? 'application/octet-stream';
    const blob = (part: Buffer) => new Blob([new Uint8Array(part)], { type: contentType });
    if (bytes.length <= SINGLE_PART_LIMIT) {
      const created = await this.gateway.call('fileUploads.create', (client) =>
        client.fileUploads.create({ mode: 'single_part', filename, content_type: contentType }),
      );
      await this.gateway.call('fileUploads.send', (client) =>
        client.fileUploads.send({ file_upload_id: created.id, file: { filename, data: blob(bytes) } }),
      );
      this.count += 1;
      return created.id;
    }
    const parts = Math.ceil(bytes.length / PART_SIZE);
    const created = await this.gateway.call('fileUploads.create', (client) =>
      client.fileUploads.create({ mode: 'multi_part', filename, content_type: contentType, number_of_parts: parts }),
    );
    for (let part = 0; part < parts; part += 1) {
      const slice = bytes.subarray(part * PART_SIZE, (part + 1) * PART_SIZE);
      await this.gateway.call('fileUploads.send', (client) =>
        client.fileUploads.send({ file_upload_id: created.id, part_number: String(part + 1), file: { filename, data: blob(slice) } }),
      );
    }
    await this.gateway.call('fileUploads.complete', (client) => client.fileUploads.complete({ file_upload_id: created.id }));
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
