import { describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { useEmulatorAndScratch } from '../../../testkit/support/crawl';
import { storeWithOneBackup } from '../../../testkit/support/jobs';
import { ownFilesOf, PrefetchingSource, splitJsonDocuments } from './prefetch-source';
import { plakarSource } from './plakar-source';
import { buildPagePreview } from './preview';
import { SnapshotReader } from './reader';
import { SnapshotViews } from './views';

describe('splitJsonDocuments', () => {
  it('cuts concatenated JSON objects and arrays apart, strings with braces and escapes included', () => {
    const bytes = Buffer.from('{"a":"}{\\"x"}\n[1,{"b":"é]"}]\n\n{}');
    expect(splitJsonDocuments(bytes, 3)?.map((part) => part.toString('utf8'))).toEqual(['{"a":"}{\\"x"}', '[1,{"b":"é]"}]', '{}']);
  });

  it('refuses anything that is not exactly that many objects or arrays', () => {
    expect(splitJsonDocuments(Buffer.from('{}{}'), 3)).toBeUndefined();
    expect(splitJsonDocuments(Buffer.from('{} 12 {}'), 2)).toBeUndefined();
    expect(splitJsonDocuments(Buffer.from('{"a":1'), 1)).toBeUndefined();
    expect(splitJsonDocuments(Buffer.from('{}}'), 1)).toBeUndefined();
    expect(splitJsonDocuments(Buffer.from('"text"'), 1)).toBeUndefined();
  });
});

describe('ownFilesOf', () => {
  it('keeps a page’s files and its blocks’ folders, not a sub-page’s', () => {
    const own = ownFilesOf('home', new Set(['home/sub', 'other']));
    expect(own('home/page.json')).toBe(true);
    expect(own('home/b1/blocks.json')).toBe(true);
    expect(own('home/b1/b2/blocks.json')).toBe(true);
    expect(own('home/sub/page.json')).toBe(false);
    expect(own('home/sub/b3/blocks.json')).toBe(false);
    expect(own('other/page.json')).toBe(false);
    expect(own('homework/page.json')).toBe(false);
  });
});

let emulator: RunningEmulator;
let scratch: string;
useEmulatorAndScratch('prefetch-', (setup) => ({ emulator, scratch } = setup));

// The preview read one plakar command per file is the baseline being compared: each command opens
// the encrypted store (seconds), so on a slow machine under CI's parallel files the test outgrows the
// default 90 s (cut there on a 2-core machine, 2026-12-06). Nothing here is timed.
const ONE_COMMAND_PER_FILE_TIMEOUT_MS = 300_000;

describe(`a page preview read from the store, with ${plakarUnderTestLabel()}`, () => {
  it('is the same page in a handful of plakar commands instead of one per file', { timeout: ONE_COMMAND_PER_FILE_TIMEOUT_MS }, async () => {
    const { store, snapshotId } = await storeWithOneBackup(emulator, scratch, { passphrase: 'prefetch test passphrase' });
    const commands = () => [store.readFiles, store.listDirectory, store.listFolderTree].reduce((sum, method) => sum + vi.mocked(method).mock.calls.length, 0);
    vi.spyOn(store, 'readFiles');
    vi.spyOn(store, 'listDirectory');
    vi.spyOn(store, 'listFolderTree');

    const plain = await SnapshotReader.open(plakarSource(store, snapshotId));
    const home = plain.entry(richWorkspaceFacts.ids.home)!;
    vi.clearAllMocks();
    const expected = await buildPagePreview(plain, home);
    const oneByOne = commands();

    const prefetching = new PrefetchingSource(store, snapshotId, plakarSource(store, snapshotId));
    const reader = await SnapshotReader.open(prefetching);
    vi.clearAllMocks();
    await prefetching.prefetchFolder(home.path, ownFilesOf(home.path, new Set(reader.index().filter((entry) => entry.id !== home.id).map((entry) => entry.path))));
    expect(await buildPagePreview(reader, home, new SnapshotViews(reader, (paths) => prefetching.prefetch(paths)))).toEqual(expected);
    const batched = commands();
    expect(oneByOne).toBeGreaterThan(10);
    expect(batched).toBeLessThanOrEqual(4);
  });
});
