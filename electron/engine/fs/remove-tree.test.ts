import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTree } from './remove-tree';

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'remove-tree-'));
}

describe('removeTree', () => {
  it('removes a deep, wide tree with more entries than it removes at once', async () => {
    const root = await tempDir();
    const tree = path.join(root, 'tree');
    for (let page = 0; page < 60; page += 1) {
      const blocks = path.join(tree, 'pages', `p${page}`, 'blocks', `b${page % 5}`, 'deeper');
      await mkdir(blocks, { recursive: true });
      await writeFile(path.join(tree, 'pages', `p${page}`, 'page.json'), '{}');
      await writeFile(path.join(blocks, 'blocks.json'), '[]');
    }
    await removeTree(tree);
    expect(existsSync(tree)).toBe(false);
    expect(await readdir(root)).toEqual([]);
  });

  it('removes a symbolic link, never what it points to', async () => {
    const root = await tempDir();
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'keep.txt'), 'kept');
    const tree = path.join(root, 'tree');
    await mkdir(tree);
    await symlink(outside, path.join(tree, 'link'), 'dir');
    await removeTree(tree);
    expect(existsSync(tree)).toBe(false);
    expect(await readdir(outside)).toEqual(['keep.txt']);
  });

  it('removes a single file, and nothing there is not an error', async () => {
    const root = await tempDir();
    const file = path.join(root, 'file.txt');
    await writeFile(file, 'x');
    await removeTree(file);
    expect(existsSync(file)).toBe(false);
    await expect(removeTree(path.join(root, 'missing'))).resolves.toBeUndefined();
  });
});
