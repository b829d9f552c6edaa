// Exports of a hand-made snapshot in the official connector's layout (no manifest, no index, no
// sidecars, images as <block id>.jpg), with hostile titles and content.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeAll, scratchDir } from '../../../testkit/support/crawl';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { brokenLinks, parseCsv, readTree, sha256, writeSnapshotFiles } from '../../../testkit/support/export';
import { exportSnapshot } from './index';

const id = (digit: string) => `${digit.repeat(8)}-aaaa-4aaa-8aaa-${digit.repeat(12)}`;
const HOME = id('1');
const IMAGE = id('2');
const TOGGLE = id('3');
const ORIGINAL = id('4');
const DB = id('5');
const ROW = id('6');
const INSIDE_TOGGLE = id('7');
const COPY = id('8');
const NOTES_A = id('a');
const NOTES_B = id('b');
const NOTES_C = id('c');
const ODD = id('d');
const EMPTY = id('e');
const LONG = id('f');
const TABLE = `${id('9').slice(0, -1)}8`;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]);
const LONG_TITLE = 'A'.repeat(150);

const dirs: string[] = [];
let reader: SnapshotReader;

const text = (content: string, extra: Record<string, unknown> = {}) => ({ type: 'text', text: { content, link: null }, plain_text: content, annotations: {}, ...extra });
const block = (blockId: string, type: string, payload: Record<string, unknown>, hasChildren = false) => ({ object: 'block', id: blockId, type, has_children: hasChildren, [type]: payload });
const page = (pageId: string, title: string, parent: Record<string, unknown>, children: unknown[] = []) => ({
  object: 'page',
  id: pageId,
  parent,
  properties: { Name: { id: 'title', type: 'title', title: [text(title)] } },
  children,
});
const childPage = (pageId: string, title: string) => block(pageId, 'child_page', { title }, true);
const underHome = { type: 'page_id', page_id: HOME };

beforeAll(async () => {
  const root = await scratchDir('official-export-');
  dirs.push(root);
  await writeSnapshotFiles(root, {
    'content.json': [{ parent: { page_id: '/' }, id: HOME, object: 'page' }],
    [`${HOME}/page.json`]: page(HOME, 'Home', { type: 'workspace', workspace: true }, [
      block(id('9'), 'heading_1', { rich_text: [text('<script>alert("title")</script>')] }),
      block(id('9').replace('9999', '9990'), 'paragraph', {
        rich_text: [
          text('click', { text: { content: 'click', link: { url: 'javascript:alert(1)' } }, href: 'javascript:alert(1)' }),
          text(' <img src=x onerror=alert(1)> **not bold** [not a link](x) &amp; 5$ '),
          text('Notes', { text: { content: 'Notes', link: { url: `/${NOTES_B.replace(/-/g, '')}` } } }),
        ],
      }),
      block(IMAGE, 'image', { type: 'file', file: { url: 'https://files.example/y.png?X-Amz=1' }, caption: [] }),
      block(TOGGLE, 'toggle', { rich_text: [text('<b>toggle</b>')] }, true),
      block(id('9').replace('9999', '9991'), 'code', { rich_text: [text('</code><script>x()</script>\n```inner```')], language: 'javascript' }),
      block(ORIGINAL, 'synced_block', { synced_from: null }, true),
      block(TABLE, 'table', { table_width: 2, has_column_header: false, has_row_header: true }, true),
      childPage(NOTES_A, 'Notes'),
      childPage(NOTES_B, 'Notes'),
      childPage(NOTES_C, 'notes'),
      childPage(ODD, 'a/b: c?* <x>|"y"\t.. '),
      childPage(EMPTY, ''),
      childPage(LONG, LONG_TITLE),
      block(DB, 'child_database', { title: 'Tasks' }),
      block(id('9').replace('9999', '9992'), 'link_to_page', { type: 'page_id', page_id: ODD }),
    ]),
    [`${HOME}/${IMAGE}.jpg`]: JPEG,
    [`${HOME}/${TOGGLE}/blocks.json`]: [block(id('0'), 'paragraph', { rich_text: [text('Inside the toggle')] }), childPage(INSIDE_TOGGLE, 'CON')],
    [`${HOME}/${TOGGLE}/${INSIDE_TOGGLE}/page.json`]: page(INSIDE_TOGGLE, 'CON', underHome, [block(COPY, 'synced_block', { synced_from: { type: 'block_id', block_id: ORIGINAL } }, true)]),
    [`${HOME}/${TABLE}/blocks.json`]: [
      block(`${TABLE.slice(0, -1)}1`, 'table_row', { cells: [[text('Key')], [text('a|b')]] }),
      block(`${TABLE.slice(0, -1)}2`, 'table_row', { cells: [[text('Other')], []] }),
    ],
    [`${HOME}/${ORIGINAL}/blocks.json`]: [block(id('0').replace('0000', '0001'), 'paragraph', { rich_text: [text('Synced text')] })],
    ...Object.fromEntries(
      [[NOTES_A, 'Notes'], [NOTES_B, 'Notes'], [NOTES_C, 'notes'], [ODD, 'a/b: c?* <x>|"y"\t.. '], [EMPTY, ''], [LONG, LONG_TITLE]].map(([pageId = '', title = '']) => [
        `${HOME}/${pageId}/page.json`,
        page(pageId, title, underHome, [block(`${pageId.slice(0, -1)}0`, 'paragraph', { rich_text: [text(`Body of ${pageId}`)] })]),
      ]),
    ),
    [`${HOME}/${DB}/database.json`]: {
      object: 'database', id: DB, title: [text('Tasks')], parent: underHome,
      properties: { Name: { id: 'title', name: 'Name', type: 'title', title: {} }, Done: { id: 'd', name: 'Done', type: 'checkbox', checkbox: {} } },
    },
    [`${HOME}/${DB}/${ROW}/page.json`]: {
      ...page(ROW, 'First | task', { type: 'database_id', database_id: DB }),
      properties: { Name: { id: 'title', type: 'title', title: [text('First | task')] }, Done: { id: 'd', type: 'checkbox', checkbox: true } },
    },
  });
  reader = await SnapshotReader.open(directorySource(root));
});

afterAll(async () => removeAll(...dirs));

async function exportTo(format: 'markdown' | 'html'): Promise<{ target: string; files: Map<string, Buffer> }> {
  const target = path.join(await scratchDir(`official-${format}-`), 'out');
  dirs.push(path.dirname(target));
  const result = await exportSnapshot({ reader, targetDir: target, format });
  expect(result.warnings).toEqual([]);
  expect(result).toMatchObject({ pages: 9, databases: 1, files: 1 });
  return { target, files: await readTree(target) };
}

describe('export of an official-connector snapshot', () => {
  it('names documents by sanitised, deduplicated titles', async () => {
    expect(reader.isOfficialConnector).toBe(true);
    const { files } = await exportTo('markdown');
    expect([...files.keys()].sort()).toEqual(
      [
        'Home.md',
        `Home/${IMAGE}.jpg`,
        'Home/CON_.md',
        'Home/Notes.md',
        'Home/Notes (2).md',
        'Home/notes (3).md',
        'Home/Tasks.md',
        'Home/Tasks.csv',
        'Home/Tasks/First _ task.md',
        'Home/Untitled.md',
        'Home/a_b_ c__ _x___y_.md',
        `Home/${'A'.repeat(100)}.md`,
        'index.md',
      ].sort(),
    );
    expect(files.get('Home/Notes (2).md')?.toString()).toContain(`Body of ${NOTES_B}`);
  });

  it('copies the stored image, renders the content and keeps every link working', async () => {
    const { target, files } = await exportTo('markdown');
    expect(sha256(files.get(`Home/${IMAGE}.jpg`) ?? Buffer.alloc(0))).toBe(sha256(JPEG));
    const home = files.get('Home.md')?.toString() ?? '';
    expect(home).toContain(`![image](Home/${IMAGE}.jpg)`);
    expect(home).toContain('# \\<script>alert("title")\\</script>');
    expect(home).toContain('click \\<img src=x onerror=alert(1)> \\*\\*not bold\\*\\* \\[not a link\\](x) \\&amp; 5\\$ [Notes](Home/Notes%20%282%29.md)');
    expect(home).not.toContain('javascript:');
    expect(home).toContain('<details>\n<summary>&lt;b&gt;toggle&lt;/b&gt;</summary>\n\nInside the toggle\n\n[CON](Home/CON_.md)\n\n</details>');
    expect(home).toContain('````javascript\n</code><script>x()</script>\n```inner```\n````');
    expect(home).toContain('[a/b: c?\\* \\<x>|"y" ..](Home/a_b_%20c__%20_x___y_.md)');
    expect(files.get('Home/CON_.md')?.toString()).toContain('Synced text');
    expect(home).toContain('|  |  |\n| --- | --- |\n| **Key** | a\\|b |\n| **Other** |  |');
    expect(brokenLinks(target, files)).toEqual([]);
    const csv = parseCsv(files.get('Home/Tasks.csv')?.toString() ?? '');
    expect(csv).toEqual([['Name', 'Done'], ['First | task', 'Yes']]);
    expect(files.get('Home/Tasks.md')?.toString()).toContain('| [First \\| task](Tasks/First%20_%20task.md) | Yes |');
  });

  it('never lets content become markup in HTML', async () => {
    const { target, files } = await exportTo('html');
    expect(brokenLinks(target, files)).toEqual([]);
    const home = files.get('Home.html')?.toString() ?? '';
    expect(home).not.toMatch(/<script/i);
    expect(home).not.toMatch(/<img src="x"/i);
    expect(home).not.toMatch(/<b>/);
    expect(home).not.toContain('javascript:');
    expect(home).toContain('<h1>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</h1>');
    expect(home).toContain('&lt;img src=x onerror=alert(1)&gt; **not bold** [not a link](x) &amp;amp; 5$');
    expect(home).toContain('<summary>&lt;b&gt;toggle&lt;/b&gt;</summary>');
    expect(home).toContain('&lt;/code&gt;&lt;script&gt;x()&lt;/script&gt;');
    expect(home).toContain(`<img src="Home/${IMAGE}.jpg" alt="image">`);
    expect(home).toContain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    for (const [name, bytes] of files) if (name.endsWith('.html')) expect(bytes.toString(), name).not.toMatch(/<script|javascript:|<[^>]*onerror=/i);
  });
});
