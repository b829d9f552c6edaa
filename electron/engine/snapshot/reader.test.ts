import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { crawlEmulator, removeAll, scratchDir } from '../../../testkit/support/crawl';
import { directorySource, SnapshotReader } from './reader';

const PAGE = '1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
const CHILD = '2df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
const IMAGE = '3df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
const TOGGLE = '4df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
const DB = '5df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
const ROW = '6df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
const dirs: string[] = [];

afterAll(async () => removeAll(...dirs));

const title = (text: string) => ({ Name: { id: 'title', type: 'title', title: [{ plain_text: text }] } });

/** A tree as plakar's official connector writes it: no manifest, no index, images as <block id>.jpg. */
async function officialSnapshot(): Promise<string> {
  const root = await scratchDir('official-');
  dirs.push(root);
  const write = async (relative: string, value: unknown) => {
    await mkdir(path.dirname(path.join(root, relative)), { recursive: true });
    await writeFile(path.join(root, relative), typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  };
  await write('content.json', [{ parent: { page_id: '/' }, id: PAGE, object: 'page' }]);
  await write(`${PAGE}/page.json`, {
    object: 'page', id: PAGE, parent: { type: 'workspace', workspace: true }, properties: title('Home'),
    children: [
      { object: 'block', id: IMAGE, type: 'image', has_children: false, image: { type: 'file', file: { url: 'https://x/y.png' } } },
      { object: 'block', id: TOGGLE, type: 'toggle', has_children: true, toggle: { rich_text: [] } },
      { object: 'block', id: CHILD, type: 'child_page', has_children: true, child_page: { title: 'Child' } },
    ],
  });
  await write(`${PAGE}/${IMAGE}.jpg`, Buffer.from([0xff, 0xd8, 0xff]));
  await write(`${PAGE}/${TOGGLE}/blocks.json`, [{ object: 'block', id: 'b', type: 'paragraph', has_children: false }]);
  await write(`${PAGE}/${CHILD}/page.json`, { object: 'page', id: CHILD, parent: { type: 'page_id', page_id: PAGE }, properties: title('Child'), children: [] });
  await write(`${PAGE}/${DB}/database.json`, { object: 'database', id: DB, title: [{ plain_text: 'Tasks' }], properties: { Name: { type: 'title' } } });
  await write(`${PAGE}/${DB}/${ROW}/page.json`, { object: 'page', id: ROW, parent: { type: 'database_id', database_id: DB }, properties: title('Row'), children: [] });
  return root;
}

describe('SnapshotReader', () => {
  it('reads an official-connector snapshot by walking it', async () => {
    const reader = await SnapshotReader.open(directorySource(await officialSnapshot()));
    expect(reader.isOfficialConnector).toBe(true);
    expect(reader.index().map((entry) => [entry.title, entry.object, entry.isRow, entry.parentId])).toEqual([
      ['Home', 'page', false, null],
      ['Child', 'page', false, PAGE],
      ['Tasks', 'database', false, PAGE],
      ['Row', 'page', true, DB],
    ]);
    const home = reader.entry(PAGE);
    const { children } = await reader.page(home!);
    expect(children).toHaveLength(3);
    expect(await reader.blockChildren(PAGE, TOGGLE)).toHaveLength(1);
    const files = await reader.files(PAGE);
    const image = files.get(`block:${IMAGE}`);
    expect(image?.file).toBe(`${IMAGE}.jpg`);
    expect(await reader.fileBytes(PAGE, image!)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect((await reader.database(reader.entry(DB)!)).dataSources).toHaveLength(1);
    expect(reader.subtree(PAGE).map((entry) => entry.id)).toEqual([PAGE, CHILD, DB, ROW]);
  });

  it('reads our own snapshots through index.json', async () => {
    const emulator = await startNotionEmulator({ rateLimit: false });
    try {
      const crawl = await crawlEmulator(emulator);
      dirs.push(crawl.dir);
      const reader = await SnapshotReader.open(directorySource(crawl.dir));
      expect(reader.isOfficialConnector).toBe(false);
      expect(reader.manifest?.counts.rows).toBe(richWorkspaceFacts.fullCrawl.rows);
      expect(reader.index()).toHaveLength(richWorkspaceFacts.fullCrawl.pages + richWorkspaceFacts.fullCrawl.databases);
      const home = reader.entry(richWorkspaceFacts.ids.home);
      expect((await reader.page(home!)).page).not.toHaveProperty('children');
    } finally {
      await emulator.close();
    }
  });

  it('refuses a tree that is not a Notion backup', async () => {
    const empty = await scratchDir('empty-');
    dirs.push(empty);
    await expect(SnapshotReader.open(directorySource(empty))).rejects.toThrow(/not a Notion backup/);
  });
});
