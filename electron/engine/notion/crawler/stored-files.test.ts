import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileDescriptor } from '../../snapshot/format';
import { StoredFiles } from './stored-files';

function descriptor(file: string, sourceKey: string): FileDescriptor {
  return { file, name: `${file} (original)`, size: 3, sha256: 'ab'.repeat(32), contentType: 'image/png', sourceKey };
}

async function filesJson(dir: string, files: Record<string, unknown> | string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'files.json'), typeof files === 'string' ? files : JSON.stringify(files));
}

describe('StoredFiles', () => {
  it('finds every file a files.json describes, at any depth, by its source key', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'stored-files-'));
    const spill = await mkdtemp(path.join(os.tmpdir(), 'stored-files-spill-'));
    await filesJson(path.join(root, 'pages/a'), { 'block:1': descriptor('photo.png', 'https://files/a/photo.png') });
    await filesJson(path.join(root, 'pages/a/blocks/b1'), { 'block:2': descriptor('notes é.pdf', 'https://files/a/notes.pdf'), 'block:3': descriptor('nokey.bin', '') });
    await filesJson(path.join(root, 'pages/damaged'), '{ not json');
    const files = await StoredFiles.collect(root, spill);
    expect(files.size).toBe(2);
    expect(files.find('https://files/a/photo.png')).toEqual({ absolutePath: path.join(root, 'pages/a/photo.png'), descriptor: descriptor('photo.png', 'https://files/a/photo.png') });
    expect(files.find('https://files/a/notes.pdf')?.absolutePath).toBe(path.join(root, 'pages/a/blocks/b1/notes é.pdf'));
    // A descriptor without a key matches nothing, not even the empty key.
    expect(files.find('')).toBeUndefined();
    expect(files.find('https://files/elsewhere')).toBeUndefined();
    // The spill file lives in the private folder given, and is gone from it once open (POSIX).
    if (process.platform !== 'win32') expect(await readdir(spill)).toEqual([]);
    expect(await readdir(path.join(root, 'pages/a'))).toEqual(['blocks', 'files.json']);
    files.close();
    expect(files.find('https://files/a/photo.png')).toBeUndefined();
    expect(await readdir(spill)).toEqual([]);
  });

  it('none finds nothing', () => {
    expect(StoredFiles.none().find('https://files/a/photo.png')).toBeUndefined();
  });
});
