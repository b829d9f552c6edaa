import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { crawlRichSnapshot, useScratchDir } from '../../../testkit/support/crawl';
import { catalogRecordOf } from './catalog';
import { pageText } from './page-text';
import type { SnapshotReader } from './reader';
import { TextIndex } from './text-index';
import { searchText } from './text-search';

const FIRST = 'a'.repeat(64);
const SECOND = 'b'.repeat(64);
let reader: SnapshotReader;
let dir = '';
useScratchDir('text-index-', (scratch) => (dir = scratch));
beforeAll(async () => {
  ({ reader } = await crawlRichSnapshot());
}, 120_000);

const dated = (id: string, time: string) => ({ snapshot: { id, time }, record: { ...catalogRecordOf(id, reader), snapshotId: id } });

describe('pageText', () => {
  it('reads the title, then every block in order, nested ones included', async () => {
    const text = await pageText(reader, reader.entry(richWorkspaceFacts.ids.home)!);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Home');
    expect(lines).toEqual(expect.arrayContaining(['Welcome to the Notion emulator', 'Hidden under a toggleable heading.', 'Deeply nested bullet', 'Ada | Owner | 2024']));
    expect(lines.indexOf('Welcome to the Notion emulator')).toBeLessThan(lines.indexOf('Deeply nested bullet'));
  });
});

describe('TextIndex', () => {
  it('finds which pages of which snapshots hold a text, with the line it is on, and reads only changed pages the second time', async () => {
    const index = new TextIndex(path.join(dir, 'text'));
    const first = await index.add(FIRST, reader);
    expect(first.read).toBe(first.pages.size);
    const second = await index.add(SECOND, reader, dated(FIRST, 't').record);
    expect(second.pages).toEqual(first.pages);
    expect(second.read).toBe(reader.index().filter((entry) => entry.object === 'page' && entry.lastEditedTime === null).length);
    expect((await stat(path.join(index.dir, 'texts.jsonl'))).mode & 0o777).toBe(0o600);

    const found = await searchText(index, 'HIDDEN under', [dated(FIRST, '2026-12-01T00:00:00Z'), dated(SECOND, '2026-12-02T00:00:00Z')]);
    expect(found).toMatchObject({ indexed: 2, notIndexed: 0, truncated: false });
    expect(found.matches).toHaveLength(1);
    expect(found.matches[0]).toMatchObject({ id: richWorkspaceFacts.ids.home, title: 'Home', inLatest: true, textInLatest: true, snippet: 'Hidden under a toggleable heading.' });
    expect(found.matches[0]!.snapshots.map((snapshot) => snapshot.snapshotId)).toEqual([SECOND, FIRST]);

    // Another process (a fresh index) reads the same files; a query too short finds nothing.
    const again = new TextIndex(index.dir);
    expect((await searchText(again, 'toggleable heading', [dated(FIRST, '2026-12-01T00:00:00Z')])).matches.map((match) => match.title)).toEqual(['Home']);
    expect((await searchText(again, 'ad', [dated(FIRST, '2026-12-01T00:00:00Z')])).matches).toEqual([]);
    expect((await searchText(again, 'nowhere to be found', [dated(FIRST, '2026-12-01T00:00:00Z')])).matches).toEqual([]);
  });

  it('says which snapshots it has no text for, and stores each distinct text once', async () => {
    const index = new TextIndex(path.join(dir, 'text'));
    await index.add(FIRST, reader);
    // A second full backup, in another process: it learns which texts are stored from the file.
    await new TextIndex(index.dir).add(SECOND, reader);
    const lines = (await readFile(path.join(index.dir, 'texts.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBe(new Set((await index.pagesOf(FIRST))!.values()).size);
    const found = await searchText(index, 'welcome', [dated(FIRST, '2026-12-01T00:00:00Z'), dated('c'.repeat(64), '2026-12-03T00:00:00Z')]);
    expect(found).toMatchObject({ indexed: 1, notIndexed: 1 });
    expect(found.matches[0]).toMatchObject({ inLatest: true, textInLatest: true });
  });

  it('counts a damaged page map, or one of another snapshot, as not indexed, and reads every page again', async () => {
    const index = new TextIndex(path.join(dir, 'text'));
    const first = await index.add(FIRST, reader);
    const [someId] = first.pages.keys();
    const file = path.join(index.dir, `${FIRST}.json`);
    for (const damaged of [
      { version: 1, snapshotId: FIRST, pages: { [someId!]: 7 } },
      { version: 1, snapshotId: SECOND, pages: {} },
      { version: 2, snapshotId: FIRST, pages: {} },
      { version: 1, snapshotId: FIRST, pages: [] },
    ]) {
      await writeFile(file, JSON.stringify(damaged));
      const fresh = new TextIndex(index.dir);
      expect(await fresh.pagesOf(FIRST)).toBeUndefined();
      expect((await fresh.add(SECOND, reader, dated(FIRST, 't').record)).read).toBe(first.pages.size);
    }
    await writeFile(file, '{"version":1,');
    expect(await new TextIndex(index.dir).pagesOf(FIRST)).toBeUndefined();
  });
});
