import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../snapshot/format';
import { CHECKPOINT_FILE, CheckpointTree } from './checkpoint';

const EDITED = '2026-12-01T10:00:00.000Z';
const ID = { a: '1a000000-0000-4000-8000-000000000001', b: '1a000000-0000-4000-8000-000000000002', c: '1a000000-0000-4000-8000-000000000003', failed: '1a000000-0000-4000-8000-000000000004', cut: '1a000000-0000-4000-8000-000000000005' };

function line(id: string, children: Array<{ id: string; object: 'page' | 'database'; path: string }> = []): string {
  const entry: IndexEntry = { id, object: 'page', title: `Page ${id}`, icon: null, path: `pages/${id}`, parentId: null, isRow: false, lastEditedTime: EDITED, url: null, stats: { blocks: 2, files: 0, fileBytes: 0, comments: 0 } };
  return JSON.stringify({ entry, children, unsupported: [], unreachable: [], syncedBlocks: [], failedFiles: id === ID.failed });
}

describe('CheckpointTree.load', () => {
  it('reads every whole line, skips a blank one and the one cut by a kill, and keeps them out of memory', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'checkpoint-'));
    const tree = path.join(dir, 'tree');
    const child = { id: ID.c, object: 'page' as const, path: `pages/${ID.a}/pages/${ID.c}` };
    await writeFile(path.join(dir, CHECKPOINT_FILE), `${line(ID.a, [child])}\n\n${line(ID.b)}\n${line(ID.failed)}\n${line(ID.cut).slice(0, 200)}`);
    const checkpoint = await CheckpointTree.load(dir, tree, '2026-12-02T00:00:00.000Z');
    expect(checkpoint.size).toBe(3);
    expect(checkpoint.entry(ID.a)?.title).toBe(`Page ${ID.a}`);
    expect(checkpoint.childrenOf(ID.a)).toEqual([child]);
    expect(checkpoint.entry(ID.b)?.path).toBe(`pages/${ID.b}`);
    // Asked again after another page: read back from the spill file, not the last one read.
    expect(checkpoint.childrenOf(ID.a)).toEqual([child]);
    expect(checkpoint.entry(ID.cut)).toBeUndefined();
    expect(checkpoint.canReuse(ID.b, EDITED)).toBe(true);
    expect(checkpoint.canReuse(ID.failed, EDITED)).toBe(false);
    // The spill file is unlinked once open (POSIX): only the checkpoint is in the folder.
    if (process.platform !== 'win32') expect(await readdir(dir)).toEqual([CHECKPOINT_FILE]);
    checkpoint.close();
    expect(checkpoint.entry(ID.a)).toBeUndefined();
  });

  it('links the files the completed pages stored, and reuses the pages without them when their tree cannot be listed', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'checkpoint-'));
    const tree = path.join(dir, 'tree');
    await mkdir(path.join(tree, `pages/${ID.a}`), { recursive: true });
    const descriptor = { file: 'photo.png', name: 'photo.png', size: 3, sha256: 'ab'.repeat(32), contentType: 'image/png', sourceKey: 'https://files/a/photo.png' };
    await writeFile(path.join(tree, `pages/${ID.a}/files.json`), JSON.stringify({ 'block:1': descriptor }));
    await writeFile(path.join(dir, CHECKPOINT_FILE), `${line(ID.a)}\n`);
    const checkpoint = await CheckpointTree.load(dir, tree, '2026-12-02T00:00:00.000Z');
    expect(checkpoint.findFile(descriptor.sourceKey)?.absolutePath).toBe(path.join(tree, `pages/${ID.a}/photo.png`));
    checkpoint.close();

    const unlisted = await CheckpointTree.load(dir, path.join(dir, 'no-such-tree'), '2026-12-02T00:00:00.000Z');
    expect(unlisted.size).toBe(1);
    expect(unlisted.canReuse(ID.a, EDITED)).toBe(true);
    expect(unlisted.findFile(descriptor.sourceKey)).toBeUndefined();
    unlisted.close();
  });

  it('has nothing to reuse without a checkpoint', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'checkpoint-'));
    const checkpoint = await CheckpointTree.load(dir, path.join(dir, 'tree'), '2026-12-02T00:00:00.000Z');
    expect(checkpoint.size).toBe(0);
    expect(checkpoint.entry(ID.a)).toBeUndefined();
    checkpoint.close();
  });
});
