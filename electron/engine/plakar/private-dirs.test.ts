/**
 * plakar's configuration, cache and plugins stay in the app's own folders: running every store
 * operation leaves nothing in the user's home (where the user's own plakar keeps its setup), not even
 * from plakar's `cached` helper, a daemon that outlives the command that started it.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { plakarDirsUnder } from './process';
import { PlakarStore } from './store';

let scratch: string;
let home: string;
const originalHome = process.env.HOME;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'private-dirs-'));
  home = path.join(scratch, 'home');
  await mkdir(home);
  // This file runs in its own worker: the user's home is a temporary folder here.
  process.env.HOME = home;
});
afterAll(async () => {
  process.env.HOME = originalHome;
  await rm(scratch, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
});

describe(`plakar's own folders, with ${plakarUnderTestLabel()}`, () => {
  it('are the app’s: nothing is written in the user’s home', async () => {
    const appDirs = plakarDirsUnder(path.join(scratch, 'app', 'plakar'));
    const store = new PlakarStore({ bin: plakarBinUnderTest(), dirs: appDirs, location: path.join(scratch, 'store'), passphrase: 'private folders passphrase' });
    await store.create();
    const source = path.join(scratch, 'source');
    await mkdir(source);
    await writeFile(path.join(source, 'page.json'), '{}');
    const { snapshotId } = await store.backup(source, { tags: ['app=notion-plakar'] });
    await store.listSnapshots();
    await store.readFile(snapshotId, 'page.json');
    await store.restore(snapshotId, path.join(scratch, 'restored'));
    await store.check(snapshotId);
    // The cached helper exits after 5 idle seconds; give it the chance to write on its way out.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(await readdir(home, { recursive: true })).toEqual([]);
    expect(await readdir(appDirs.cacheHome)).toContain('plakar');
    expect(await readdir(appDirs.configHome)).toContain('plakar');
  }, 60_000);
});
