import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { writeVersionOnlyPlakar } from '../../../testkit/version-only-plakar';
import type { BackupProgress } from '../../../shared/jobs';
import { failureOf, TEST_RETRY_POLICY, useEmulatorAndScratch } from '../../../testkit/support/crawl';
import { PlakarError } from '../plakar/errors';
import { plakarDirsUnder, runPlakar } from '../plakar/process';
import { PlakarStore } from '../plakar/store';
import { SnapshotWriter } from '../snapshot/writer';
import type { BackupJobOptions } from './backup-job';
import { runBackupJob } from './backup-job';
import { localCopyOf } from './backup-mirror';
import { describeJobError } from './job-errors';

const PASSPHRASE = 'backup job test passphrase';
let emulator: RunningEmulator;
let scratch: string;

useEmulatorAndScratch('backup-job-', (setup) => ({ emulator, scratch } = setup));
afterEach(() => {
  vi.restoreAllMocks();
  emulator.admin.setFaults(null);
});

function storeAt(location = path.join(scratch, 'store'), options: { bin?: string; passphrase?: string } = {}): PlakarStore {
  return new PlakarStore({
    bin: options.bin ?? plakarBinUnderTest(),
    dirs: plakarDirsUnder(path.join(scratch, 'data', 'plakar')),
    location,
    passphrase: options.passphrase ?? PASSPHRASE,
  });
}

function job(overrides: Partial<BackupJobOptions> = {}): Promise<Awaited<ReturnType<typeof runBackupJob>>> {
  return runBackupJob({
    token: emulator.tokens.full,
    notionApiUrl: emulator.url,
    requestsPerSecond: 1000,
    burst: 100,
    comments: 'all',
    retryPolicy: TEST_RETRY_POLICY,
    store: storeAt(),
    workDir: path.join(scratch, 'data'),
    appVersion: 'test',
    ...overrides,
  });
}

/** What a failed job must leave behind: no snapshot, no staging, no lock (`snapshots`: after a success). */
async function expectNothingLeft(store = storeAt(), expected = { snapshots: 0 }): Promise<void> {
  if (await store.isLocalStore()) expect(await store.listSnapshots()).toHaveLength(expected.snapshots);
  const staging = await readdir(path.join(scratch, 'data', 'staging')).catch(() => []);
  expect(staging).toEqual([]);
  const locks = await readdir(path.join(scratch, 'data', 'locks')).catch(() => []);
  expect(locks).toEqual([]);
}

describe(`runBackupJob, with ${plakarUnderTestLabel()}`, () => {
  it('does not ask Notion about the token again when the scheduler just did', async () => {
    await storeAt().create();
    const me = () => emulator.admin.requestCounts().byRoute['GET /v1/users/me']?.total ?? 0;
    const before = me();
    const result = await job({
      tokenChecked: { status: 'valid', tokenKind: 'internal', workspaceName: 'Checked moments ago', workspaceId: null, botName: null, userName: null, maxFileUploadBytes: null },
    });
    expect(result.snapshotId).toMatch(/^[0-9a-f]{64}$/);
    expect(me() - before).toBe(0);
    await job();
    expect(me() - before).toBe(1);
  });

  it('makes a full snapshot, then an incremental one based on it', async () => {
    await storeAt().create();
    const progress: BackupProgress[] = [];
    const first = await job({ onProgress: (event) => progress.push(event) });
    expect(first.snapshotId).toMatch(/^[0-9a-f]{64}$/);
    expect(first.mode).toBe('full');
    expect(first.crawl.counts.pages + first.crawl.counts.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    expect(progress.map((event) => event.phase)).toEqual(expect.arrayContaining(['connecting', 'checking-store', 'crawling', 'storing', 'finished']));
    expect(progress.at(-1)).toMatchObject({ phase: 'finished', mode: 'full' });

    const second = await job();
    expect(second).toMatchObject({ mode: 'incremental', basedOn: first.snapshotId });
    expect(second.crawl.counts.reusedPages).toBe(richWorkspaceFacts.fullCrawl.pages);
    // Compared with the snapshot before, and its text reused for the pages that did not change.
    expect(first.changes).toBeNull();
    expect(second.changes).toMatchObject({ since: first.snapshotId, added: 0, removed: 0, edited: 0, massDeletion: false });
    expect(first.textIndex?.read).toBe(first.textIndex?.pages);
    expect(second.textIndex?.pages).toBe(first.textIndex?.pages);
    expect(second.textIndex!.read).toBeLessThan(second.textIndex!.pages / 2);
    const snapshots = await storeAt().listSnapshots();
    expect(snapshots.map((snapshot) => snapshot.id)).toEqual([second.snapshotId, first.snapshotId]);
    expect(snapshots[0]?.tags).toEqual(expect.arrayContaining(['app=notion-plakar', `source=${first.sourceKey}`, 'mode=incremental']));
    const manifest = JSON.parse((await storeAt().readFile(second.snapshotId, 'manifest.json')).toString('utf8')) as { basedOn: string };
    expect(manifest.basedOn).toBe(first.snapshotId);
    await expectNothingLeft(storeAt('/nonexistent-store-for-cleanup-check'));
  });

  it('reads the previous backup from its local copy instead of restoring it, and gives the same snapshot', async () => {
    await storeAt().create();
    const first = await job({ comments: 'pages' });
    const phases: string[] = [];
    const fromCopy = await job({ comments: 'pages', onProgress: (event) => phases.push(event.phase) });
    expect(fromCopy).toMatchObject({ mode: 'incremental', basedOn: first.snapshotId });
    expect(phases).not.toContain('restoring-previous');
    expect(fromCopy.crawl.counts.reusedPages).toBe(richWorkspaceFacts.fullCrawl.pages);
    // The snapshot browser finds the newest snapshot's tree there too.
    expect(await localCopyOf(path.join(scratch, 'data'), storeAt().location, fromCopy.snapshotId)).toMatch(/mirrors/);
    expect(await localCopyOf(path.join(scratch, 'data'), storeAt().location, first.snapshotId)).toBeUndefined();
    // The same backup without the copy restores the previous snapshot from the store, and removes the copies.
    const restoredPhases: string[] = [];
    const fromStore = await job({ comments: 'pages', localCopy: false, onProgress: (event) => restoredPhases.push(event.phase) });
    expect(restoredPhases).toContain('restoring-previous');
    expect(await readdir(path.join(scratch, 'data', 'mirrors')).catch(() => [])).toEqual([]);
    const tree = async (id: string) => {
      const dir = path.join(scratch, `tree-${id.slice(0, 8)}`);
      await storeAt().restore(id, dir);
      return snapshotFiles(dir);
    };
    expect(await tree(fromCopy.snapshotId)).toEqual(await tree(fromStore.snapshotId));
  });

  it('does not trust a local copy whose record names another snapshot', async () => {
    await storeAt().create();
    const first = await job({ comments: 'pages' });
    const mirrors = path.join(scratch, 'data', 'mirrors');
    const [copy] = await readdir(mirrors);
    const record = path.join(mirrors, copy ?? '', 'mirror.json');
    const info = JSON.parse(await readFile(record, 'utf8')) as { snapshotId: string };
    expect(info.snapshotId).toBe(first.snapshotId);
    await writeFile(record, JSON.stringify({ ...info, snapshotId: 'f'.repeat(64) }));
    const phases: string[] = [];
    const second = await job({ comments: 'pages', onProgress: (event) => phases.push(event.phase) });
    expect(phases).toContain('restoring-previous');
    expect(second).toMatchObject({ mode: 'incremental', basedOn: first.snapshotId });
    expect(JSON.parse(await readFile(record, 'utf8'))).toMatchObject({ snapshotId: second.snapshotId });
  });

  it('refuses an invalid token before touching the store', async () => {
    await storeAt().create();
    const error = await failureOf(job({ token: 'ntn_not_a_valid_token_at_all_000000000000' }));
    expect(describeJobError(error)).toMatchObject({ kind: 'notion-access' });
    expect(describeJobError(error).message).toMatch(/Notion rejected this token/);
    await expectNothingLeft();
  });

  it('says how to share pages when the integration sees nothing', async () => {
    await storeAt().create();
    const error = await failureOf(job({ token: emulator.tokens.noAccess }));
    expect(describeJobError(error)).toMatchObject({ kind: 'nothing-shared' });
    expect(describeJobError(error).message).toMatch(/Connections/);
    await expectNothingLeft();
  });

  it('suggests init when the store does not exist', async () => {
    const error = await failureOf(job());
    expect(error).toBeInstanceOf(PlakarError);
    expect(describeJobError(error)).toMatchObject({ kind: 'plakar', plakarKind: 'store-missing' });
    expect(describeJobError(error).message).toMatch(/notion-plakar init/);
    await expectNothingLeft();
  });

  it('reports a wrong passphrase clearly', async () => {
    await storeAt().create();
    const error = await failureOf(job({ store: storeAt(undefined, { passphrase: 'definitely the wrong one' }) }));
    expect(describeJobError(error)).toMatchObject({ plakarKind: 'passphrase-wrong' });
    await expectNothingLeft();
  });

  it('gives an install hint when plakar is missing or too old', async () => {
    const missing = await failureOf(job({ store: storeAt(undefined, { bin: path.join(scratch, 'no', 'plakar') }) }));
    expect(describeJobError(missing)).toMatchObject({ plakarKind: 'plakar-missing' });
    expect(describeJobError(missing).message).toMatch(/Install plakar 1\.1\.4 or newer/);
    const old = await writeVersionOnlyPlakar(path.join(scratch, 'old'), 'plakar/v1.0.6');
    const tooOld = await failureOf(job({ store: storeAt(undefined, { bin: old }) }));
    expect(describeJobError(tooOld)).toMatchObject({ plakarKind: 'plakar-too-old' });
    expect(describeJobError(tooOld).message).toMatch(/v1\.0\.6 is too old/);
  });

  it('fails cleanly when the disk fills up while staging', async () => {
    await storeAt().create();
    const realWrite = SnapshotWriter.prototype.writeJson;
    let writes = 0;
    vi.spyOn(SnapshotWriter.prototype, 'writeJson').mockImplementation(async function (this: SnapshotWriter, ...args) {
      writes += 1;
      if (writes > 20) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return realWrite.apply(this, args);
    });
    const error = await failureOf(job());
    expect(describeJobError(error)).toMatchObject({ kind: 'disk-full' });
    expect(describeJobError(error).message).toMatch(/disk is full/i);
    await expectNothingLeft();
  });

  it('stops after retrying through a Notion outage, and records no snapshot', async () => {
    await storeAt().create();
    emulator.admin.setFaults({ probability: 1, kinds: ['service_unavailable', 'bad_gateway'], routes: ['GET /v1/blocks/{id}/children'] });
    const error = await failureOf(job());
    expect(describeJobError(error)).toMatchObject({ kind: 'notion-unavailable', retryable: true });
    expect(describeJobError(error).message).toMatch(/No snapshot was recorded/);
    await expectNothingLeft();
  });

  it('can be cancelled mid-crawl, and the next backup resumes what it stored', async () => {
    await storeAt().create();
    const controller = new AbortController();
    let kept: { dir: string; storedPages: number } | undefined;
    const error = await failureOf(
      job({
        signal: controller.signal,
        onResumable: (info) => (kept = info),
        onProgress: (event) => {
          if (event.phase === 'crawling' && event.pages.done > 40) controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
        },
      }),
    );
    expect(describeJobError(error)).toMatchObject({ kind: 'cancelled' });
    expect(await storeAt().listSnapshots()).toEqual([]);
    expect(await readdir(path.join(scratch, 'data', 'locks')).catch(() => [])).toEqual([]);
    // The pages stored so far stay, privately, for the next backup.
    expect(kept?.storedPages).toBeGreaterThan(10);
    expect((await stat(kept?.dir ?? '')).mode & 0o777).toBe(0o700);

    const progress: BackupProgress[] = [];
    const resumed = await job({ onProgress: (event) => progress.push(event) });
    expect(progress.some((event) => event.resumedPages === kept?.storedPages)).toBe(true);
    expect(resumed.crawl.counts.reusedPages).toBeGreaterThanOrEqual((kept?.storedPages ?? 0) - 1);
    expect(resumed.crawl.counts.pages + resumed.crawl.counts.rows).toBe(richWorkspaceFacts.fullCrawl.pages);
    await expectNothingLeft(undefined, { snapshots: 1 });
  });

  it('runs only one job per store at a time', async () => {
    await storeAt().create();
    // The second job starts only once the first holds the lock (its first progress event comes after).
    let holdsLock!: () => void;
    const locked = new Promise<void>((resolve) => (holdsLock = resolve));
    const running = job({ onProgress: () => holdsLock() });
    await locked;
    const second = await failureOf(job());
    expect(describeJobError(second)).toMatchObject({ kind: 'store-busy' });
    await expect(running).resolves.toMatchObject({ mode: 'full' });
  });

  it('keeps plakar in the app’s own directories and the passphrase out of its command line', async () => {
    await storeAt().create();
    const { snapshotId } = await job();
    const plakarHome = path.join(scratch, 'data', 'plakar');
    expect(await readdir(plakarHome)).toEqual(expect.arrayContaining(['cache', 'config']));
    // plakar records its whole argv in every snapshot (`info` shows it as CommandLine).
    const info = await runPlakar({
      bin: plakarBinUnderTest(),
      args: ['at', path.join(scratch, 'store'), 'info', snapshotId],
      dirs: plakarDirsUnder(plakarHome),
      passphrase: PASSPHRASE,
    });
    const text = info.stdout.toString('utf8');
    expect(text).toMatch(/CommandLine: .*backup/);
    expect(text).not.toContain(PASSPHRASE);
    expect(text).not.toContain(emulator.tokens.full);
  });
});

/** Every file of a restored snapshot tree with its content, except what differs by run (times, ids). */
async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, full);
    if (relative === 'manifest.json') continue;
    out[relative] = await readFile(full, 'utf8');
  }
  return out;
}
