/**
 * What the next job does about a plakar backup whose parent was killed: the parent is simulated by a
 * lock file naming a dead pid, the orphan by a real detached plakar started here (with -quiet, so it
 * writes nothing until it ends and does not die of a closed pipe).
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { plakarBinUnderTest, plakarUnderTestLabel } from '../../../testkit/plakar-standin';
import { buildPlakarEnv, plakarDirsUnder } from '../plakar/process';
import { PlakarStore } from '../plakar/store';
import { lockStoreForJob } from './leftover-backup';
import { isAlive } from './process-liveness';
import { createStaging } from './staging';
import { storeLockFile } from './store-lock';

const PASSPHRASE = 'leftover test passphrase 7';
const DEAD_PID = 2 ** 22 + 4321;
let scratch: string;
let store: PlakarStore;

useScratchDir('leftover-', (made) => (scratch = made));
beforeEach(async () => {
  store = new PlakarStore({ bin: plakarBinUnderTest(), dirs: plakarDirsUnder(path.join(scratch, 'home')), location: path.join(scratch, 'store'), passphrase: PASSPHRASE });
  await store.create();
});

async function source(files: number, bytes: number): Promise<string> {
  const dir = path.join(scratch, `source-${files}`);
  await mkdir(dir, { recursive: true });
  for (let index = 0; index < files; index += 1) await writeFile(path.join(dir, `f${index}`), randomBytes(bytes));
  return dir;
}

/** Starts a detached plakar backup as the killed job did, and writes that job's lock file. */
async function orphanBackup(sourceDir: string): Promise<{ pid: number; job: string; ended: Promise<void> }> {
  const job = randomUUID();
  const child = spawn(plakarBinUnderTest(), ['-quiet', 'at', store.location, 'backup', '-no-progress', '-job', job, sourceDir], {
    argv0: 'plakar',
    env: buildPlakarEnv(plakarDirsUnder(path.join(scratch, 'home')), PASSPHRASE),
    detached: true,
    stdio: 'ignore',
  });
  const ended = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const lockDir = path.join(scratch, 'work', 'locks');
  await mkdir(lockDir, { recursive: true });
  const lockFile = storeLockFile(lockDir, store.location);
  await writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: os.hostname(), what: 'backup', since: '2026-12-05T02:00:00.000Z', plakar: { pid: child.pid, job } }));
  return { pid: child.pid ?? 0, job, ended };
}

describe(`a plakar backup left by a killed job, with ${plakarUnderTestLabel()}`, () => {
  it('is stopped when still running, so two backups never write at once, and leaves no snapshot', async () => {
    const orphan = await orphanBackup(await source(400, 64_000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { lease, note } = await lockStoreForJob(path.join(scratch, 'work'), store, 'backup');
    expect(lease.leftover).toMatchObject({ job: orphan.job, stopped: true });
    expect(isAlive(orphan.pid)).toBe(false);
    expect(note).toBeUndefined();
    expect(await store.listSnapshots({ job: orphan.job })).toEqual([]);
    await lease.release();
  });

  it('is kept, with a note, when plakar finished alone and its snapshot passes a check', async () => {
    const orphan = await orphanBackup(await source(5, 1000));
    await orphan.ended;
    const { lease, note } = await lockStoreForJob(path.join(scratch, 'work'), store, 'backup');
    expect(lease.leftover).toMatchObject({ job: orphan.job, stopped: false });
    expect(note).toMatch(/plakar finished storing it: snapshot [0-9a-f]{8} passed its check and is kept/);
    expect(await store.listSnapshots({ job: orphan.job })).toHaveLength(1);
    await lease.release();
  });

  it('is removed when plakar finished alone but its snapshot fails the check', async () => {
    const orphan = await orphanBackup(await source(5, 1000));
    await orphan.ended;
    // Lose every packfile, as a full disk did in fixtures/v1.1.4/backup-disk-full.json.
    const packfiles = path.join(store.location, 'packfiles');
    for (const bucket of await readdir(packfiles)) {
      for (const name of await readdir(path.join(packfiles, bucket))) await rm(path.join(packfiles, bucket, name));
    }
    const { lease, note } = await lockStoreForJob(path.join(scratch, 'work'), store, 'backup');
    expect(note).toMatch(/failed its check and was removed/);
    expect(await store.listSnapshots({ job: orphan.job })).toEqual([]);
    await lease.release();
  });

  it('never signals a pid that now runs something else', async () => {
    const job = randomUUID();
    const lockDir = path.join(scratch, 'work', 'locks');
    await mkdir(lockDir, { recursive: true });
    const lockFile = storeLockFile(lockDir, store.location);
    await writeFile(lockFile, JSON.stringify({ pid: DEAD_PID, host: os.hostname(), what: 'backup', since: 'x', plakar: { pid: process.pid, job } }));
    const { lease } = await lockStoreForJob(path.join(scratch, 'work'), store, 'backup');
    expect(lease.leftover).toMatchObject({ job, stopped: false });
    await lease.release();
  });
});

describe('staging left by a killed job', () => {
  it('is removed when the next job creates its own; a live owner’s staging stays', async () => {
    const work = path.join(scratch, 'work');
    const live = await createStaging(work, 'backup');
    const dead = path.join(work, 'staging', 'backup-dead');
    await mkdir(dead);
    await writeFile(path.join(dead, '.owner.json'), JSON.stringify({ pid: DEAD_PID, host: os.hostname(), createdAt: new Date().toISOString() }));
    await writeFile(path.join(dead, 'page.json'), '{}');
    const next = await createStaging(work, 'restore');
    expect((await readdir(path.join(work, 'staging'))).sort()).toEqual([path.basename(live), path.basename(next)].sort());
    expect((await stat(next)).mode & 0o777).toBe(0o700);
  });
});
