// Helpers for the export tests: reading an export back and checking its links.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readTree } from './crawl';

export { readTree };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every link target of a Markdown or HTML document (Markdown destinations, href and src). */
export function linkTargets(document: string, text: string): string[] {
  const pattern = document.endsWith('.html') ? /(?:href|src)="([^"]*)"/g : /(?<!\\)\]\(([^)\s]*)\)/g;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

/** Links that are neither external URLs nor resolve to a file of the export. */
export function brokenLinks(root: string, files: ReadonlyMap<string, Buffer>): string[] {
  const broken: string[] = [];
  for (const [name, bytes] of files) {
    if (!name.endsWith('.md') && !name.endsWith('.html')) continue;
    for (const target of linkTargets(name, bytes.toString('utf8'))) {
      if (/^(https?|mailto|tel):/.test(target)) continue;
      const resolved = path.join(root, path.posix.dirname(name), ...decodeURIComponent(target).split('/'));
      if (target === '' || !existsSync(resolved)) broken.push(`${name} → ${target}`);
    }
  }
  return broken;
}

/** A small RFC 4180 parser (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.replace(/^\uFEFF/, '');
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ',') {
      record.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += character;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** Writes a hand-made snapshot tree: JSON values are stringified, strings and buffers written as is. */
export async function writeSnapshotFiles(root: string, files: Record<string, unknown>): Promise<void> {
  for (const [relative, value] of Object.entries(files)) {
    const file = path.join(root, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  }
}
