// A snapshot is untrusted input (docs/snapshot-format.md, "Untrusted input"): anyone who can write to
// a store can craft one. Every path and id the reader follows is checked here first.
import { z } from 'zod';
import { isNotionId } from '../../../shared/notion-ids';

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

// The same rules as zod schemas, for the format's schemas (format.ts).
export const notionIdSchema = z.string().refine(isNotionId, { message: 'not a Notion id' });
export const safePathSchema = z.string().superRefine((value, context) => {
  const reason = value === '' ? 'it is empty' : unsafePathReason(value);
  if (reason) context.addIssue({ code: 'custom', message: `the path ${JSON.stringify(value)} is refused: ${reason}` });
});
export const safeNameSchema = safePathSchema.refine((value) => !value.includes('/'), { message: 'not a single file name' });

/** A snapshot file's JSON checked against its schema; refused with the file and the first problem otherwise. */
export function parseSnapshotFile<Schema extends z.ZodType>(schema: Schema, value: unknown, file: string): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const at = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new UnsafeSnapshotError(`${file}${at}: ${issue?.message ?? 'unexpected shape'}.`);
}
