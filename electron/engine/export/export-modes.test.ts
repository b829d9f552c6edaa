import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from '../../../testkit/notion-emulator';
import { crawlRichSnapshot, removeAll, scratchDir } from '../../../testkit/support/crawl';
import { directorySource, SnapshotReader } from '../snapshot/reader';
import { brokenLinks, readTree } from '../../../testkit/support/export';
import { exportSnapshot, ExportTargetNotEmptyError } from './index';

const dirs: string[] = [];
let snapshotDir = '';
let reader: SnapshotReader;

async function freshTarget(prefix: string): Promise<string> {
  const dir = await scratchDir(prefix);
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  ({ dir: snapshotDir, reader } = await crawlRichSnapshot());
  dirs.push(snapshotDir);
});

afterAll(async () => removeAll(...dirs));

describe('export target', () => {
  it('refuses a non-empty folder and writes nothing', async () => {
    const target = await freshTarget('export-busy-');
    await writeFile(path.join(target, 'keep.txt'), 'mine');
    for (const format of ['markdown', 'html', 'json'] as const) {
      const attempt = exportSnapshot({ reader, targetDir: target, format });
      await expect(attempt).rejects.toBeInstanceOf(ExportTargetNotEmptyError);
      await expect(exportSnapshot({ reader, targetDir: target, format })).rejects.toThrow(/already contains files; choose an empty folder or allow merging/);
    }
    expect(await readdir(target)).toEqual(['keep.txt']);
  });

  it('merges into a non-empty folder: same-named files are overwritten, nothing is deleted', async () => {
    const target = await freshTarget('export-merge-');
    await writeFile(path.join(target, 'keep.txt'), 'mine');
    await writeFile(path.join(target, 'Home.md'), 'stale');
    const result = await exportSnapshot({ reader, targetDir: target, format: 'markdown', merge: true });
    expect(result.warnings).toEqual([]);
    expect(await readFile(path.join(target, 'keep.txt'), 'utf8')).toBe('mine');
    expect(await readFile(path.join(target, 'Home.md'), 'utf8')).toMatch(/^!\[cover\]/);
  });

  it('creates a missing target folder and reports progress up to the total', async () => {
    const target = path.join(await freshTarget('export-new-'), 'a', 'b');
    const progress: Array<[number, number]> = [];
    await exportSnapshot({ reader, targetDir: target, format: 'markdown', onProgress: (done, total) => progress.push([done, total]) });
    const total = reader.index().length;
    expect(progress).toHaveLength(total);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(await readdir(target)).toContain('index.md');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const target = path.join(await freshTarget('export-abort-'), 'out');
    const attempt = exportSnapshot({ reader, targetDir: target, format: 'markdown', signal: controller.signal, onProgress: (done) => done === 3 && controller.abort() });
    await expect(attempt).rejects.toThrow(/abort/i);
  });
});

describe('selection', () => {
  it('exports only the subtree of a selected page, at the root', async () => {
    const target = path.join(await freshTarget('export-selection-'), 'out');
    const result = await exportSnapshot({ reader, targetDir: target, format: 'markdown', selection: [facts.ids.childPages[0] ?? ''] });
    const files = await readTree(target);
    expect([...files.keys()].sort()).toEqual([
      'Level 1.md',
      'Level 1/Level 2.md',
      'Level 1/Level 2/Level 3.md',
      'Level 1/Level 2/Level 3/Level 4.md',
      'Level 1/cover.png',
      'Level 1/icon.png',
      'index.md',
    ]);
    expect(result).toMatchObject({ pages: 4, databases: 0, files: 2 });
    // The synced copy still shows its original, which lives on Home (not exported).
    expect(files.get('Level 1.md')?.toString()).toContain('Synced content shown in two places');
    expect(brokenLinks(target, files)).toEqual([]);
  });

  it('accepts ids without dashes, warns about unknown ids, refuses when nothing matches', async () => {
    const target = path.join(await freshTarget('export-ids-'), 'out');
    const projects = facts.ids.projectsDatabase.replace(/-/g, '').toUpperCase();
    const result = await exportSnapshot({ reader, targetDir: target, format: 'markdown', selection: [projects, '00000000-0000-0000-0000-000000000000'] });
    expect(result).toMatchObject({ pages: 5, databases: 1 });
    expect(result.warnings).toEqual(['00000000-0000-0000-0000-000000000000 is not in this snapshot.']);
    const empty = path.join(await freshTarget('export-none-'), 'out');
    await expect(exportSnapshot({ reader, targetDir: empty, format: 'markdown', selection: ['nope'] })).rejects.toThrow(/None of the selected/);
    await expect(readdir(empty)).rejects.toThrow();
  });
});

describe('HTML export', () => {
  it('writes the same tree as .html documents whose links resolve', async () => {
    const target = path.join(await freshTarget('export-html-'), 'out');
    const result = await exportSnapshot({ reader, targetDir: target, format: 'html' });
    const files = await readTree(target);
    expect(result.warnings).toEqual([]);
    expect([...files.keys()].filter((name) => name.endsWith('.md'))).toEqual([]);
    expect([...files.keys()].filter((name) => name.endsWith('.html'))).toHaveLength(reader.index().length + 1);
    expect(brokenLinks(target, files)).toEqual([]);
    const home = files.get('Home.html')?.toString() ?? '';
    expect(home).toMatch(/^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">/);
    expect(home).toContain('<title>Home</title>');
    expect(home).toContain('<a href="Home/Level%201.html">Level 1</a>');
    expect(home).toContain('<img src="Home/diagram.png" alt="A Notion-hosted image">');
    expect(home).toContain('<details>\n<summary>A toggle</summary>');
    expect(home).toContain('<li><input checked="" disabled="" type="checkbox"> Done item</li>');
    expect(home).toContain('<pre><code class="language-typescript">const answer: number = 42;');
    expect(home).toContain('<th>Name</th>');
    expect(home).not.toMatch(/<script/i);
    expect(files.get('Home/Tasks.html')?.toString()).toContain('<a href="Tasks/Task%20001.html">Task 001</a>');
  });
});

describe('JSON export', () => {
  it('copies the whole snapshot byte for byte', async () => {
    const target = path.join(await freshTarget('export-json-'), 'out');
    const result = await exportSnapshot({ reader, targetDir: target, format: 'json' });
    expect(await readTree(target)).toEqual(await readTree(snapshotDir));
    expect(result).toMatchObject({ pages: facts.fullCrawl.pages, databases: facts.fullCrawl.databases, files: facts.fullCrawl.hostedFiles, warnings: [] });
  });

  it('copies a selection as a restorable tree with its own content.json and index.json', async () => {
    const target = path.join(await freshTarget('export-json-selection-'), 'out');
    const level1 = facts.ids.childPages[0] ?? '';
    await exportSnapshot({ reader, targetDir: target, format: 'json', selection: [level1, facts.ids.projectsDatabase] });
    const copy = await SnapshotReader.open(directorySource(target));
    expect(copy.content.map((entry) => entry.id).sort()).toEqual([level1, facts.ids.projectsDatabase].sort());
    const expected = [...reader.subtree(level1), ...reader.subtree(facts.ids.projectsDatabase)];
    expect(copy.index().map((entry) => entry.id).sort()).toEqual(expected.map((entry) => entry.id).sort());
    for (const entry of copy.index()) {
      expect(entry.path.startsWith(`${level1}`) || entry.path.startsWith(facts.ids.projectsDatabase), entry.path).toBe(true);
      const original = reader.entry(entry.id);
      if (!original) throw new Error(`unknown ${entry.id}`);
      if (entry.object === 'page') expect(await copy.page(entry)).toEqual(await reader.page(original));
      else expect(await copy.database(entry)).toEqual(await reader.database(original));
    }
    expect(copy.entry(level1)?.parentId).toBeNull();
    const files = await copy.files(level1);
    expect([...files.keys()].sort()).toEqual([`page:${level1}:cover`, `page:${level1}:icon`]);
    const sourceRoot = reader.entry(level1)?.path ?? '';
    const copied = await readTree(path.join(target, level1));
    expect(copied).toEqual(await readTree(path.join(snapshotDir, ...sourceRoot.split('/'))));
  });
});
