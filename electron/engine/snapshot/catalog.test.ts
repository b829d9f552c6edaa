import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { catalogRecordOf, SnapshotCatalog } from './catalog';
import { craftedSnapshot, PAGE, storeLikeSource } from './crafted-snapshot';
import { SnapshotReader } from './reader';

const ID = 'a'.repeat(64);
let dir = '';
useScratchDir('catalog-', (scratch) => (dir = scratch));
let catalog: SnapshotCatalog;
beforeEach(() => {
  catalog = new SnapshotCatalog(path.join(dir, 'catalog'));
});

describe('SnapshotCatalog', () => {
  it('opens a snapshot once, keeps its titles and summary in a private file, and answers from it afterwards', async () => {
    let opened = 0;
    const open = async () => {
      opened += 1;
      return SnapshotReader.open(storeLikeSource(craftedSnapshot()));
    };
    const [first, second] = await Promise.all([catalog.load(ID, open), catalog.load(ID, open)]);
    expect(opened).toBe(1);
    expect(second).toEqual(first);
    expect(first.entries).toEqual([{ id: PAGE, object: 'page', title: 'Home', emoji: null, parentId: null, isRow: false, lastEditedTime: null }]);
    expect(first.summary).toMatchObject({ mode: 'full', notionApiVersion: '2026-03-11', unreachable: 0 });
    expect(await catalog.load(ID, open)).toEqual(first);
    expect(opened).toBe(1);
    expect((await stat(path.join(catalog.dir, `${ID}.json`))).mode & 0o777).toBe(0o600);
    expect(await readdir(catalog.dir)).toEqual([`${ID}.json`]);
  });

  it('files a tree just stored from its reader, as the record of the same snapshot opened later', async () => {
    const reader = await SnapshotReader.open(storeLikeSource(craftedSnapshot()));
    await catalog.putTree(ID, reader);
    expect(await catalog.get(ID)).toEqual(catalogRecordOf(ID, reader));
    expect((await stat(path.join(catalog.dir, `${ID}.json`))).mode & 0o777).toBe(0o600);
  });

  it('treats a damaged or foreign file as absent, and refuses anything but a snapshot id as a name', async () => {
    await catalog.load(ID, () => SnapshotReader.open(storeLikeSource(craftedSnapshot())));
    await writeFile(path.join(catalog.dir, `${ID}.json`), '{"version":1,"snapshotId":"x"');
    expect(await catalog.get(ID)).toBeUndefined();
    await writeFile(path.join(catalog.dir, `${ID}.json`), JSON.stringify({ version: 1, snapshotId: 'b'.repeat(64), entries: [], summary: null }));
    expect(await catalog.get(ID)).toBeUndefined();
    await expect(catalog.load('../escape', () => SnapshotReader.open(storeLikeSource(craftedSnapshot())))).rejects.toThrow(/Not a snapshot id/);
  });

  describe('versionsOf', () => {
    const file = () => path.join(catalog.dir, `${ID}.json`);
    const counting = () => {
      const calls = { opened: 0 };
      const open = async () => {
        calls.opened += 1;
        return SnapshotReader.open(storeLikeSource(craftedSnapshot()));
      };
      return { calls, open };
    };
    const versionOfHome = { id: PAGE, object: 'page', title: 'Home', lastEditedTime: null };

    it('reads what a comparison needs from the record, without opening the snapshot', async () => {
      await catalog.putTree(ID, await SnapshotReader.open(storeLikeSource(craftedSnapshot())));
      const { calls, open } = counting();
      expect(await catalog.versionsOf(ID, open)).toEqual([versionOfHome]);
      expect(calls.opened).toBe(0);
    });

    it('reads a record whose fields come in another order whole, still without opening the snapshot', async () => {
      await catalog.putTree(ID, await SnapshotReader.open(storeLikeSource(craftedSnapshot())));
      const { version, snapshotId, entries, summary } = JSON.parse(await readFile(file(), 'utf8'));
      await writeFile(file(), JSON.stringify({ entries, summary, snapshotId, version }));
      const { calls, open } = counting();
      expect(await catalog.versionsOf(ID, open)).toEqual([versionOfHome]);
      expect(calls.opened).toBe(0);
    });

    it('opens the snapshot instead of trusting a cut, misshapen, outdated or foreign record, and files it again', async () => {
      await catalog.putTree(ID, await SnapshotReader.open(storeLikeSource(craftedSnapshot())));
      const good = await readFile(file(), 'utf8');
      const damaged = [
        good.slice(0, good.indexOf('"title"')),
        good.replace('"title":"Home"', '"title":3'),
        good.replace('"entries":[', '"entries":[2,'),
        good.replace('"version":1', '"version":2'),
        good.replace(ID, 'b'.repeat(64)),
        'not json',
      ];
      for (const text of damaged) {
        await writeFile(file(), text);
        const { calls, open } = counting();
        expect(await catalog.versionsOf(ID, open), text).toEqual([versionOfHome]);
        expect(calls.opened, text).toBe(1);
        expect(await readFile(file(), 'utf8')).toBe(good);
      }
    });
  });
});
