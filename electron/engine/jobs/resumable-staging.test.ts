import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import type { CrawlSettings } from './resumable-staging';
import { ABANDONED_AFTER_MS, openResumableCrawl } from './resumable-staging';
import { sweepStaleStaging } from './staging';

let work: string;
useScratchDir('resumable-', (made) => (work = made));

const settings: CrawlSettings = { store: '/stores/a', sourceKey: 'ws:all', comments: 'pages', notionApiVersion: '2026-03-11' };
const day = 24 * 60 * 60 * 1000;

async function interrupted(at: Date, chosen = settings): Promise<string> {
  const crawl = await openResumableCrawl(work, chosen, at);
  await writeFile(path.join(crawl.treeDir, 'index.json'), '[]');
  return crawl.dir;
}

describe('the folder a backup crawls into', () => {
  it('is resumed by the next backup of the same store, source and settings, private', async () => {
    const started = new Date('2026-12-01T10:00:00Z');
    const dir = await interrupted(started);
    const next = await openResumableCrawl(work, settings, new Date('2026-12-02T10:00:00Z'));
    expect(next).toMatchObject({ dir, resumeSince: started.toISOString() });
    expect(await readdir(next.treeDir)).toEqual(['index.json']);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, 'resume.json'))).mode & 0o777).toBe(0o600);
  });

  it('starts over when a setting changed (what was staged with the old one goes)', async () => {
    const dir = await interrupted(new Date('2026-12-01T10:00:00Z'));
    const next = await openResumableCrawl(work, { ...settings, comments: 'all' }, new Date('2026-12-01T11:00:00Z'));
    expect(next.dir).toBe(dir);
    expect(next.resumeSince).toBeUndefined();
    expect(await readdir(next.treeDir)).toEqual([]);
  });

  it('keeps one folder per store and source', async () => {
    const a = await interrupted(new Date('2026-12-01T10:00:00Z'));
    const b = await interrupted(new Date('2026-12-01T10:00:00Z'), { ...settings, sourceKey: 'ws:one-page' });
    expect(a).not.toBe(b);
    expect((await openResumableCrawl(work, settings, new Date('2026-12-01T12:00:00Z'))).resumeSince).toBeDefined();
  });

  it('is removed once abandoned for a week, and never by the sweep of dead jobs’ staging', async () => {
    const old = await interrupted(new Date('2026-12-01T10:00:00Z'));
    expect(await sweepStaleStaging(work, Date.parse('2026-12-01T10:00:00Z') + 30 * day)).toEqual([]);
    const recent = await interrupted(new Date('2026-12-07T10:00:00Z'), { ...settings, sourceKey: 'ws:other' });
    await openResumableCrawl(work, { ...settings, sourceKey: 'ws:third' }, new Date(Date.parse('2026-12-01T10:00:00Z') + ABANDONED_AFTER_MS + day));
    const left = await readdir(path.dirname(old));
    expect(left).not.toContain(path.basename(old));
    expect(left).toContain(path.basename(recent));
  });

  it('ignores a damaged record: the crawl starts over', async () => {
    const dir = await interrupted(new Date('2026-12-01T10:00:00Z'));
    await writeFile(path.join(dir, 'resume.json'), '{not json');
    await mkdir(path.join(dir, 'tree', 'stale'), { recursive: true });
    const next = await openResumableCrawl(work, settings, new Date('2026-12-01T11:00:00Z'));
    expect(next.resumeSince).toBeUndefined();
    expect(await readdir(next.treeDir)).toEqual([]);
  });
});
