// The reader refuses what a crafted snapshot could use to read elsewhere (docs/snapshot-format.md,
// "Untrusted input"); export-untrusted and uploads-untrusted show the same through export and restore.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlakarStore } from '../plakar/store';
import { craftedSnapshot, PAGE, storeLikeSource } from './crafted-snapshot';
import { SnapshotReader } from './reader';
import { selectiveSnapshotSource } from './selective-source';

const open = (files: Record<string, unknown>) => SnapshotReader.open(storeLikeSource(files));

describe('SnapshotReader.open of a crafted snapshot', () => {
  it.each([
    ['an id that is a path', { 'content.json': [{ parent: { page_id: '/' }, id: '../../etc', object: 'page' }] }, /content\.json at 0\.id: .*not a Notion id/],
    ['an index path with ..', { 'index.json': [{ id: PAGE, object: 'page', title: 'x', icon: null, path: `${PAGE}/../..`, parentId: null, isRow: false, lastEditedTime: null, url: null }] }, /index\.json at 0\.path: .*leaves its folder/],
    ['an absolute index path', { 'index.json': [{ id: PAGE, object: 'page', title: 'x', icon: null, path: '/etc', parentId: null, isRow: false, lastEditedTime: null, url: null }] }, /absolute/],
    ['an index path with a backslash', { 'index.json': [{ id: PAGE, object: 'page', title: 'x', icon: null, path: '..\\x', parentId: null, isRow: false, lastEditedTime: null, url: null }] }, /backslash/],
    ['an index whose second entry is not one', { 'index.json': [{ id: PAGE, object: 'page', title: 'x', icon: null, path: PAGE, parentId: null, isRow: false, lastEditedTime: null, url: null }, { id: PAGE }] }, /index\.json at 1\.object/],
    ['an index that is not JSON', { 'index.json': '[{"id": "' }, /index\.json is damaged \(not valid JSON\)/],
    ['an index that is not a list', { 'index.json': { id: PAGE } }, /index\.json.*expected array/],
    ['an index path with NUL', { 'index.json': [{ id: PAGE, object: 'page', title: 'x', icon: null, path: `${PAGE}\0`, parentId: null, isRow: false, lastEditedTime: null, url: null }] }, /NUL/],
  ])('refuses %s', async (_, override, message) => {
    await expect(open({ ...craftedSnapshot(), ...override })).rejects.toThrow(message);
  });

  it('refuses a block id that is a path before reading through it', async () => {
    const reader = await open(craftedSnapshot());
    await expect(reader.blockChildren(PAGE, '../../..')).rejects.toThrow(/unsafe.*leaves its folder/);
  });

  it('a selective read never restores a folder outside its staging directory', async () => {
    const files = craftedSnapshot({ pageDir: '../../escaped' });
    const restored: string[] = [];
    const source = storeLikeSource(files);
    const store = {
      readFile: async (_: string, relative: string) => source.readBytes(relative),
      listDirectory: async (_: string, relative: string) => source.listDirectory(relative),
      restore: async (_: string, target: string) => void restored.push(target),
    } as unknown as PlakarStore;
    const staging = path.join('/nonexistent-staging', 'tree');
    const attempt = SnapshotReader.open(selectiveSnapshotSource(store, 'snap', staging, [PAGE])).then((reader) => reader.page(reader.index()[0]!));
    await expect(attempt).rejects.toThrow(/unsafe.*index\.json.*leaves its folder/);
    expect(restored).toEqual([]);
  });
});
