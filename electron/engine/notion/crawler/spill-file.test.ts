import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SpilledMap } from './spill-file';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('SpilledMap', () => {
  it('gives back each value as it was set, a fresh copy each time, and the last one set', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'spilled-map-'));
    const map = new SpilledMap<{ title: string; tags: string[] }>('test-values', dir);
    map.set('a', { title: 'Ünïcode ✓ and "quotes"', tags: ['x'] });
    map.set('b', { title: 'B', tags: [] });
    map.set('a', { title: 'A again', tags: ['y', 'z'] });

    expect(map.size).toBe(2);
    expect([...map.keys()]).toEqual(['a', 'b']);
    expect(map.get('a')).toEqual({ title: 'A again', tags: ['y', 'z'] });
    const copy = map.get('b')!;
    copy.tags.push('changed');
    expect(map.get('b')).toEqual({ title: 'B', tags: [] });
    expect(map.get('missing')).toBeUndefined();
    expect(map.has('b')).toBe(true);
    expect(map.delete('b')).toBe(true);
    expect(map.has('b')).toBe(false);
    // The file is unlinked once open (POSIX): nothing is left in the folder even before close.
    if (process.platform !== 'win32') expect(await readdir(dir)).toEqual([]);

    map.close();
    expect(map.size).toBe(0);
    expect(map.get('a')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });
});
