import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { failureOf, TEST_RETRY_POLICY, useEmulatorAndScratch } from '../../../testkit/support/crawl';
import { plakarDirsUnder } from '../plakar/process';
import { PlakarStore } from '../plakar/store';
import type { BackupJobOptions } from './backup-job';
import { runBackupJob } from './backup-job';
import {
  checkDiskForBackup,
  diskProbe,
  DiskSpaceError,
  FIRST_BACKUP_MINIMUM,
  formatSize,
  MARGIN_MINIMUM,
  PLAKAR_CACHE_MINIMUM,
  stagingNeed,
  treeBytesOf,
} from './disk-space';
import { describeJobError } from './job-errors';
import { discardResumableCrawl, openResumableCrawl, resumablePages } from './resumable-staging';
import { NOTION_API_VERSION } from '../notion/client';

const MB = 1_000_000;
const GB = 1_000_000_000;

describe('stagingNeed', () => {
  const tree = { bytes: 2 * GB, pages: 10_000 };

  it('asks a first backup for a stated minimum, not a guess', () => {
    const need = stagingNeed({ previousTree: undefined, incremental: false, previousFromStore: false, resumedPages: 0 });
    expect(need).toMatchObject({ bytes: FIRST_BACKUP_MINIMUM, minimum: true });
  });

  it('counts the tree, plakar’s cache and the margin for a full backup', () => {
    const need = stagingNeed({ previousTree: tree, incremental: false, previousFromStore: false, resumedPages: 0 });
    expect(need.minimum).toBe(false);
    expect(need.parts).toEqual({ crawl: 2 * GB, previous: 0, plakarCache: 2 * GB, margin: 0.15 * 4 * GB });
    expect(need.bytes).toBe(4.6 * GB);
  });

  it('adds the previous snapshot when it is restored from the store, and only a share of the tree when pages are hard-linked', () => {
    const fromCopy = stagingNeed({ previousTree: tree, incremental: true, previousFromStore: false, resumedPages: 0 });
    const fromStore = stagingNeed({ previousTree: tree, incremental: true, previousFromStore: true, resumedPages: 0 });
    expect(fromCopy.parts).toMatchObject({ crawl: 1 * GB, previous: 0 });
    expect(fromStore.parts).toMatchObject({ crawl: 1 * GB, previous: 2 * GB });
    expect(fromStore.bytes - fromCopy.bytes).toBeCloseTo(2 * GB * 1.15, -3);
  });

  it('leaves out what a resumed crawl already staged, never below nothing', () => {
    const half = stagingNeed({ previousTree: tree, incremental: false, previousFromStore: false, resumedPages: 5_000 });
    expect(half.parts.crawl).toBe(1 * GB);
    const all = stagingNeed({ previousTree: tree, incremental: true, previousFromStore: false, resumedPages: 50_000 });
    expect(all.parts.crawl).toBe(0);
    expect(all.parts.plakarCache).toBe(2 * GB);
  });

  it('keeps floors for plakar’s cache and the margin on a tiny workspace', () => {
    const need = stagingNeed({ previousTree: { bytes: 1000, pages: 1 }, incremental: false, previousFromStore: false, resumedPages: 0 });
    expect(need.parts).toMatchObject({ plakarCache: PLAKAR_CACHE_MINIMUM, margin: MARGIN_MINIMUM });
  });
});

describe('treeBytesOf', () => {
  it('adds a block per staged file and folder from the catalog counts', () => {
    // The 2,000-page synthetic workspace: 21 MiB of content (plakar), 65.3 MB on ext4 (du).
    const counts = { pages: 2000, rows: 80, databases: 4, blocks: 23_836, files: 640, fileBytes: 47_360 };
    const estimate = treeBytesOf(21 * 1024 * 1024, counts);
    expect(estimate.pages).toBe(2080);
    expect(estimate.bytes / 65_302_528).toBeGreaterThan(1);
    expect(estimate.bytes / 65_302_528).toBeLessThan(1.2);
  });

  it('doubles the content without counts', () => {
    expect(treeBytesOf(100 * MB, undefined)).toEqual({ bytes: 200 * MB, pages: undefined });
  });
});

describe('checkDiskForBackup', () => {
  afterEach(() => vi.restoreAllMocks());
  const need = stagingNeed({ previousTree: { bytes: 1 * GB, pages: 100 }, incremental: true, previousFromStore: true, resumedPages: 0 });

  it('says how much is needed, how much is free, where, and what to do', async () => {
    vi.spyOn(diskProbe, 'statfs').mockResolvedValue({ bavail: 200, bsize: 4 * MB });
    const error = await failureOf(checkDiskForBackup('/data', need));
    expect(error).toBeInstanceOf(DiskSpaceError);
    const { kind, message, retryable } = describeJobError(error);
    expect({ kind, retryable }).toEqual({ kind: 'disk-space', retryable: false });
    expect(message).toBe(
      'This backup needs about 2.9 GB free in /data (the staged copy of the workspace, the previous snapshot read back from the store and plakar’s cache, ' +
        'estimated from the last snapshot of this workspace, with a margin); 800 MB are free. Free some space on that disk (or set NOTION_PLAKAR_DATA_DIR ' +
        'to a folder on a disk with room), then try again. Nothing was crawled; no snapshot was recorded.',
    );
  });

  it('calls a first backup’s figure a minimum', async () => {
    vi.spyOn(diskProbe, 'statfs').mockResolvedValue({ bavail: 10, bsize: 4096 });
    const first = stagingNeed({ previousTree: undefined, incremental: false, previousFromStore: false, resumedPages: 0 });
    const error = await failureOf(checkDiskForBackup('/data', first));
    expect(describeJobError(error).message).toMatch(/needs at least 268 MB free in \/data .*minimum, not an estimate\); 41 kB are free/);
  });

  it('lets the backup go when there is room, or when free space cannot be read', async () => {
    vi.spyOn(diskProbe, 'statfs').mockResolvedValue({ bavail: 1000, bsize: 4 * MB });
    await expect(checkDiskForBackup('/data', need)).resolves.toBeUndefined();
    vi.spyOn(diskProbe, 'statfs').mockRejectedValue(Object.assign(new Error('not supported'), { code: 'ENOSYS' }));
    await expect(checkDiskForBackup('/data', need)).resolves.toBeUndefined();
  });

  it('reads the real free space of a folder', async () => {
    await expect(checkDiskForBackup(process.cwd(), { ...need, bytes: 1 })).resolves.toBeUndefined();
  });

  it('formats sizes as a file manager does', () => {
    expect([formatSize(0), formatSize(999), formatSize(41_000), formatSize(800 * MB), formatSize(2.34 * GB), formatSize(150 * GB)]).toEqual([
      '0 bytes',
      '999 bytes',
      '41 kB',
      '800 MB',
      '2.3 GB',
      '150 GB',
    ]);
  });
});

let emulator: RunningEmulator;
let scratch: string;
useEmulatorAndScratch('disk-space-', (setup) => ({ emulator, scratch } = setup));

describe(`the backup job's disk check, with ${plakarUnderTestLabel()}`, () => {
  afterEach(() => vi.restoreAllMocks());
  const workDir = () => path.join(scratch, 'data');
  const store = () =>
    new PlakarStore({ bin: plakarBinUnderTest(), dirs: plakarDirsUnder(path.join(workDir(), 'plakar')), location: path.join(scratch, 'store'), passphrase: 'disk space test' });
  const job = (overrides: Partial<BackupJobOptions> = {}) =>
    runBackupJob({
      token: emulator.tokens.full,
      notionApiUrl: emulator.url,
      requestsPerSecond: 1000,
      burst: 100,
      comments: 'pages',
      retryPolicy: TEST_RETRY_POLICY,
      store: store(),
      workDir: workDir(),
      appVersion: 'test',
      ...overrides,
    });
  /** Requests other than the token check (GET /v1/users/me). */
  const contentRequests = () => {
    const counts = emulator.admin.requestCounts();
    return counts.total - (counts.byRoute['GET /v1/users/me']?.total ?? 0);
  };
  const little = (freeBytes: number) => vi.spyOn(diskProbe, 'statfs').mockResolvedValue({ bavail: Math.floor(freeBytes / 4096), bsize: 4096 });

  it('stops a first backup before any Notion page is requested, and leaves nothing behind', async () => {
    await store().create();
    const probe = little(100 * MB);
    const before = contentRequests();
    const error = await failureOf(job());
    expect(describeJobError(error)).toMatchObject({ kind: 'disk-space' });
    expect(describeJobError(error).message).toContain(`needs at least 268 MB free in ${workDir()}`);
    expect(probe).toHaveBeenCalledWith(workDir());
    expect(contentRequests() - before).toBe(0);
    expect(await store().listSnapshots()).toEqual([]);
    expect(await readdir(path.join(workDir(), 'staging')).catch(() => [])).toEqual([]);
    expect(await readdir(path.join(workDir(), 'locks')).catch(() => [])).toEqual([]);
  });

  it('estimates the next backup from the last snapshot, and keeps an interrupted crawl it did not start', async () => {
    await store().create();
    const first = await job();
    // An interrupted crawl waiting to be resumed, with 3 pages stored.
    const settings = { store: store().location, sourceKey: first.sourceKey, comments: 'pages', notionApiVersion: NOTION_API_VERSION };
    const kept = await openResumableCrawl(workDir(), settings);
    await writeFile(path.join(kept.dir, 'checkpoint.jsonl'), '{}\n{}\n{}\n');
    expect(await resumablePages(workDir(), settings)).toBe(3);

    const probe = little(10 * MB);
    const before = contentRequests();
    const error = await failureOf(job({ localCopy: false }));
    expect(error).toBeInstanceOf(DiskSpaceError);
    const { need } = error as DiskSpaceError;
    expect(need.minimum).toBe(false);
    // Without a local copy the previous snapshot would be restored from the store: it is counted.
    expect(need.parts.previous).toBeGreaterThan(0);
    expect(describeJobError(error).message).toMatch(/the previous snapshot read back from the store/);
    expect(contentRequests() - before).toBe(0);
    expect(await store().listSnapshots()).toHaveLength(1);
    expect(await readFile(path.join(kept.dir, 'checkpoint.jsonl'), 'utf8')).toBe('{}\n{}\n{}\n');
    await discardResumableCrawl(kept);
    // The local copy made by the first backup is still there (turning copies off happens after the check).
    expect(await readdir(path.join(workDir(), 'mirrors'))).toHaveLength(1);

    // With room, the same backup runs (incremental, from the local copy).
    probe.mockResolvedValue({ bavail: 1e9, bsize: 4096 });
    await expect(job()).resolves.toMatchObject({ mode: 'incremental', basedOn: first.snapshotId });
  });
});

describe('resumablePages', () => {
  it('counts the checkpoint of a crawl with the same settings only', async () => {
    const settings = { store: '/s', sourceKey: 'k', comments: 'pages', notionApiVersion: 'v' };
    const crawl = await openResumableCrawl(scratch, settings);
    await writeFile(path.join(crawl.dir, 'checkpoint.jsonl'), '{}\n{}\n');
    expect(await resumablePages(scratch, settings)).toBe(2);
    expect(await resumablePages(scratch, { ...settings, comments: 'all' })).toBe(0);
    expect(await resumablePages(scratch, { ...settings, sourceKey: 'other' })).toBe(0);
  });
});
