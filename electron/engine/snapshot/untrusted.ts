// A snapshot is untrusted input (docs/snapshot-format.md, "Untrusted input"): anyone who can write to
// a store can craft one. Every path and id the reader follows is checked here first.
import { z } from 'zod';
import { isNotionId } from '../../../shared/notion-ids';
import type { ContentEntry, FileDescriptor, IndexEntry } from './writer';

export class UnsafeSnapshotError extends Error {
  constructor(message: string) {
    super(`This snapshot is unsafe and was not followed: ${message}`);
    this.name = 'UnsafeSnapshotError';
  }
}

function unsafePathReason(value: string): string | undefined {
  if (value.includes('\0')) return 'it contains a NUL character';
  if (value.includes('\\')) return 'it contains a backslash';
  if (value.startsWith('/') || /^[a-zA-Z]:/.test(value)) return 'it is absolute';
  const segments = value.split('/');
  if (segments.some((segment) => segment === '..')) return 'it leaves its folder (..)';
  if (segments.some((segment) => segment === '' || segment === '.')) return 'it is not normalised';
  return undefined;
}

/**
 * A path relative to the snapshot root, returned unchanged when it is safe: relative, normalised, no
 * `..`, no absolute part, no NUL or backslash. `''` (the root) only when `allowRoot`.
 */
export function checkSnapshotPath(value: unknown, where: string, allowRoot = false): string {
  if (typeof value !== 'string') throw new UnsafeSnapshotError(`${where} names a path that is not text.`);
  if (value === '' && allowRoot) return value;
  const reason = value === '' ? 'it is empty' : unsafePathReason(value);
  if (reason) throw new UnsafeSnapshotError(`${where} names the path ${JSON.stringify(value)}, and ${reason}.`);
  return value;
}

/** One file or folder name: a safe path of a single segment. */
export function checkSnapshotName(value: unknown, where: string): string {
  const name = checkSnapshotPath(value, where);
  if (name.includes('/')) throw new UnsafeSnapshotError(`${where} names ${JSON.stringify(name)}, which is not a single file name.`);
  return name;
}

export function checkNotionId(value: unknown, where: string): string {
  if (!isNotionId(value)) throw new UnsafeSnapshotError(`${where} has the id ${JSON.stringify(value)}, which is not a Notion id.`);
  return value;
}

const notionId = z.string().refine(isNotionId, { message: 'not a Notion id' });
const safePath = z.string().superRefine((value, context) => {
  const reason = value === '' ? 'it is empty' : unsafePathReason(value);
  if (reason) context.addIssue({ code: 'custom', message: `the path ${JSON.stringify(value)} is refused: ${reason}` });
});
const safeName = safePath.refine((value) => !value.includes('/'), { message: 'not a single file name' });

const contentSchema = z.array(
  z.looseObject({ id: notionId, object: z.enum(['page', 'database']), parent: z.unknown() }),
);

const indexSchema = z.array(
  z.looseObject({
    id: notionId,
    object: z.enum(['page', 'database']),
    title: z.string(),
    icon: z.unknown(),
    path: safePath,
    parentId: notionId.nullable(),
    isRow: z.boolean(),
    lastEditedTime: z.string().nullable(),
    url: z.string().nullable(),
  }),
);

const filesSchema = z.record(
  z.string(),
  z.looseObject({
    file: safeName,
    name: z.string().nullish().transform((value) => value ?? null),
    size: z.number(),
    sha256: z.string(),
    contentType: z.string().nullish().transform((value) => value ?? null),
    sourceKey: z.string().catch(''),
  }),
);

function parsed<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new UnsafeSnapshotError(`${file}${at}: ${issue?.message ?? 'unexpected shape'}.`);
}

export function parseContent(value: unknown): ContentEntry[] {
  return parsed(contentSchema, value, 'content.json') as ContentEntry[];
}

export function parseIndex(value: unknown): IndexEntry[] {
  return parsed(indexSchema, value, 'index.json') as IndexEntry[];
}

export function parseFiles(value: unknown, file: string): Record<string, FileDescriptor> {
  return parsed(filesSchema, value, file);
}
