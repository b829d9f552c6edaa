import { requireCapability } from '../auth';
import type { HandlerContext, RenderContext, RouteDef } from '../context';
import { bodyValidationError, notFound, tooLong, unsupportedRequest, validationError } from '../errors';
import type { FixtureFileUpload } from '../fixture-types';
import { bareMime, checkFileType, extensionFor, extensionOf } from '../input/file-types';
import { refreshUploadStatus } from '../input/files';
import { boundaryOf, parseMultipart } from '../multipart';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { trashFields } from '../render/common';
import { pathId } from './shared';

export const SINGLE_PART_MAX_BYTES = 20 * 1024 * 1024;
export const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 1000;
const MAX_FILENAME_BYTES = 900;
const UPLOAD_TTL_MS = 3_600_000;

/** Workspaces whose per-file limit is at most this are on the Free plan, where multi-part uploads are not available. */
const FREE_PLAN_MAX_BYTES = 5 * 1024 * 1024;

function fileTypeOrThrow(filename: string | null, contentType: string | null): string {
  const check = checkFileType(filename, contentType);
  if (!check.ok) throw validationError(`This file type is not supported by the File Upload API: ${check.reason}.`);
  return check.contentType;
}

export function renderFileUpload(upload: FixtureFileUpload, ctx: RenderContext): Record<string, unknown> {
  refreshUploadStatus(upload, ctx.env.clock);
  const creator = ctx.store.users.get(upload.createdBy);
  const base = `${ctx.env.baseUrl()}/v1/file_uploads/${upload.id}`;
  const rendered: Record<string, unknown> = {
    object: 'file_upload',
    id: upload.id,
    created_time: upload.createdTime,
    created_by: { id: upload.createdBy, type: creator?.type === 'person' ? 'person' : 'bot' },
    last_edited_time: upload.createdTime,
    expiry_time: upload.expiryTime,
  };
  if (upload.status === 'pending') rendered['upload_url'] = `${base}/send`;
  if (upload.status === 'pending' && upload.mode === 'multi_part') rendered['complete_url'] = `${base}/complete`;
  Object.assign(rendered, trashFields(false, ctx), {
    status: upload.status,
    filename: upload.filename,
    content_type: upload.contentType,
    content_length: upload.contentLength,
  });
  if (upload.numberOfParts) rendered['number_of_parts'] = { ...upload.numberOfParts };
  return rendered;
}

function ownedUpload(ctx: HandlerContext): FixtureFileUpload {
  const id = pathId(ctx, 'file_upload_id');
  const upload = ctx.store.uploads.get(id);
  if (!upload || upload.ownerToken !== ctx.token.name) throw notFound('file_upload', id);
  return upload;
}

function createUpload(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  const { body } = ctx;
  const mode = body['mode'] ?? 'single_part';
  if (mode === 'external_url') throw unsupportedRequest('external_url file uploads need internet access and are not supported by the Notion emulator.');
  if (mode !== 'single_part' && mode !== 'multi_part') throw bodyValidationError('body.mode should be `single_part`, `multi_part` or `external_url`.');
  for (const key of ['filename', 'content_type'] as const) {
    if (body[key] !== undefined && typeof body[key] !== 'string') throw bodyValidationError(`body.${key} should be a string.`);
  }
  if (mode === 'single_part' && body['number_of_parts'] !== undefined) {
    throw bodyValidationError('body.number_of_parts should be not present for single_part uploads.');
  }
  const filename = typeof body['filename'] === 'string' ? body['filename'] : null;
  if (filename && Buffer.byteLength(filename) > MAX_FILENAME_BYTES) throw tooLong('body.filename.length', MAX_FILENAME_BYTES, Buffer.byteLength(filename));
  const contentType = typeof body['content_type'] === 'string' ? body['content_type'] : null;
  // A name must carry a supported extension; a given content type must be supported and agree with it.
  if (filename !== null && !extensionOf(filename)) throw validationError('body.filename should include a file extension, e.g. `report.pdf`.');
  if (contentType !== null && !bareMime(contentType)) {
    throw validationError(`This file type is not supported by the File Upload API: the content type \`${contentType}\` is not supported.`);
  }
  const resolvedType = filename !== null || bareMime(contentType) ? fileTypeOrThrow(filename, contentType) : null;
  const created = ctx.env.clock.nowMinuteIso();
  const upload: FixtureFileUpload = {
    id: ctx.env.ids.uuid(),
    ownerToken: ctx.token.name,
    createdBy: ctx.token.userId,
    createdTime: created,
    mode,
    status: 'pending',
    filename,
    contentType: resolvedType,
    contentLength: null,
    expiryTime: new Date(Date.parse(created) + UPLOAD_TTL_MS).toISOString(),
  };
  if (mode === 'multi_part') {
    if (ctx.store.workspace.maxFileUploadSizeBytes <= FREE_PLAN_MAX_BYTES) {
      throw validationError('Multi-part file uploads are only available in paid workspaces; this workspace is limited to single-part uploads.');
    }
    const parts = body['number_of_parts'];
    if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS) {
      throw bodyValidationError(`body.number_of_parts should be an integer between 1 and ${MAX_PARTS} for multi_part uploads.`);
    }
    if (!filename) throw bodyValidationError('body.filename should be defined for multi_part uploads.');
    upload.numberOfParts = { total: parts, sent: 0 };
  }
  ctx.store.uploads.set(upload.id, upload);
  return renderFileUpload(upload, ctx);
}

function requirePending(upload: FixtureFileUpload, ctx: HandlerContext): void {
  const status = refreshUploadStatus(upload, ctx.env.clock);
  if (status === 'expired') throw validationError(`File upload ${upload.id} has expired. Create a new file upload.`);
  if (status !== 'pending') throw validationError(`File upload ${upload.id} is in status \`${status}\`; only pending uploads accept data.`);
}

function storeBytes(upload: FixtureFileUpload, bytes: Buffer, ctx: HandlerContext): void {
  const max = ctx.store.workspace.maxFileUploadSizeBytes;
  if (bytes.length > max) {
    throw validationError(`The file is ${bytes.length} bytes, larger than this workspace's limit of ${max} bytes (max_file_upload_size_in_bytes).`);
  }
  const filename = upload.filename ?? `file.${extensionFor(upload.contentType)}`;
  const contentType = fileTypeOrThrow(upload.filename, upload.contentType);
  ctx.store.files.set(upload.id, { id: upload.id, filename, contentType, content: { kind: 'base64', data: '' } });
  ctx.store.uploadedBytes.set(upload.id, bytes);
  upload.fileId = upload.id;
  upload.status = 'uploaded';
  upload.contentLength = bytes.length;
  upload.filename = filename;
  upload.contentType = contentType;
}

function sendUpload(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  const upload = ownedUpload(ctx);
  requirePending(upload, ctx);
  const boundary = boundaryOf(ctx.contentType);
  if (!ctx.contentType.toLowerCase().startsWith('multipart/form-data') || !boundary) {
    throw validationError('The request body should be multipart/form-data with a `file` field.');
  }
  const parts = parseMultipart(ctx.rawBody, boundary);
  const file = parts.find((part) => part.name === 'file');
  if (!file) throw validationError('body failed validation: body.file should be defined, instead was `undefined`.');
  if (file.data.length > SINGLE_PART_MAX_BYTES) throw validationError(`Each request can send at most ${SINGLE_PART_MAX_BYTES} bytes (20 MB); this part has ${file.data.length}.`);
  const sentType = bareMime(file.contentType);
  if (sentType && upload.contentType && sentType !== bareMime(upload.contentType)) {
    throw validationError(`The file was sent as \`${sentType}\`, but the file upload was created with content type \`${upload.contentType}\`; they must match.`);
  }
  // A part's name counts only when it has an extension (a Blob without a name arrives as "blob").
  if (upload.filename === null && extensionOf(file.filename)) upload.filename = file.filename ?? null;
  upload.contentType ??= sentType ?? null;
  fileTypeOrThrow(upload.filename, upload.contentType);
  const partNumberRaw = parts.find((part) => part.name === 'part_number')?.data.toString('utf8');
  if (upload.mode === 'single_part') {
    if (partNumberRaw !== undefined) throw validationError('part_number is only allowed for multi_part uploads.');
    storeBytes(upload, file.data, ctx);
    return renderFileUpload(upload, ctx);
  }
  const total = upload.numberOfParts?.total ?? 0;
  const partNumber = Number(partNumberRaw);
  if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > total) {
    throw validationError(`part_number should be an integer between 1 and ${total}, instead was \`${partNumberRaw ?? 'undefined'}\`.`);
  }
  if (partNumber < total && file.data.length < MIN_PART_BYTES) {
    throw validationError(`Part ${partNumber} has ${file.data.length} bytes; every part except the last must be at least ${MIN_PART_BYTES} bytes (5 MB).`);
  }
  const received = ctx.store.uploadParts.get(upload.id) ?? new Map<number, Buffer>();
  received.set(partNumber, file.data);
  ctx.store.uploadParts.set(upload.id, received);
  upload.numberOfParts = { total, sent: received.size };
  return renderFileUpload(upload, ctx);
}

function completeUpload(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertContent');
  const upload = ownedUpload(ctx);
  if (upload.mode !== 'multi_part') throw validationError('Only multi_part file uploads can be completed.');
  requirePending(upload, ctx);
  const received = ctx.store.uploadParts.get(upload.id) ?? new Map<number, Buffer>();
  const total = upload.numberOfParts?.total ?? 0;
  if (received.size !== total) throw validationError(`Expected ${total} parts but received ${received.size}. Send every part before completing.`);
  const ordered = Array.from({ length: total }, (_unused, index) => received.get(index + 1) ?? Buffer.alloc(0));
  storeBytes(upload, Buffer.concat(ordered), ctx);
  ctx.store.uploadParts.delete(upload.id);
  return renderFileUpload(upload, ctx);
}

function retrieveUpload(ctx: HandlerContext): unknown {
  return renderFileUpload(ownedUpload(ctx), ctx);
}

function listUploads(ctx: HandlerContext): unknown {
  const status = ctx.query.get('status');
  const request = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const uploads = [...ctx.store.uploads.values()].filter((upload) => {
    refreshUploadStatus(upload, ctx.env.clock);
    return upload.ownerToken === ctx.token.name && (!status || upload.status === status);
  });
  const slice = sliceList(uploads, request);
  return listEnvelope('file_upload', { ...slice, results: slice.results.map((upload) => renderFileUpload(upload, ctx)) });
}

export const fileUploadRoutes: RouteDef[] = [
  { method: 'POST', template: '/v1/file_uploads', handler: createUpload },
  { method: 'GET', template: '/v1/file_uploads', handler: listUploads },
  { method: 'GET', template: '/v1/file_uploads/{id}', handler: retrieveUpload },
  { method: 'POST', template: '/v1/file_uploads/{id}/send', handler: sendUpload, multipart: true },
  { method: 'POST', template: '/v1/file_uploads/{id}/complete', handler: completeUpload },
];
