import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';

const CHUNK_CHARS = 1 << 16;

/**
 * Replaces `file` with `contents` as one step (written aside, then renamed), private to the user
 * (0600, in a 0700 folder): a reader never sees half a file, and a file hard-linked elsewhere is
 * replaced, never written through. Contents given in pieces are written in 64 K chunks as they come:
 * a 100,000-page record is never one string in memory.
 */
export async function replacePrivateFile(file: string, contents: string | Iterable<string>): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, typeof contents === 'string' ? contents : inChunks(contents), { mode: 0o600 });
  await rename(temporary, file);
}

/** `file` read as JSON of `schema`'s shape; undefined when it is missing, damaged or of another shape. */
export async function readJsonFile<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function* inChunks(pieces: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const piece of pieces) {
    chunk += piece;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Each item as `format` writes it, with a comma before each but the first: a JSON list's or object's members, one at a time. */
export function* commaSeparated<T>(items: Iterable<T>, format: (item: T) => string): Generator<string> {
  let first = true;
  for (const item of items) {
    yield first ? format(item) : `,${format(item)}`;
    first = false;
  }
}
