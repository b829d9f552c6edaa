import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireStoreLock, StoreBusyError } from './store-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'lock-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('acquireStoreLock', () => {
  it('lets one job at a time hold a store', async () => {
    const lease = await acquireStoreLock(dir, '/stores/a', 'backup');
    await expect(acquireStoreLock(dir, '/stores/a', 'backup')).rejects.toBeInstanceOf(StoreBusyError);
    const other = await acquireStoreLock(dir, '/stores/b', 'backup');
    await lease.release();
    await other.release();
    const again = await acquireStoreLock(dir, '/stores/a', 'restore');
    await again.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('lets exactly one of two jobs that start at the same moment hold a store', async () => {
    const results = await Promise.allSettled([acquireStoreLock(dir, '/stores/a', 'backup'), acquireStoreLock(dir, '/stores/a', 'backup')]);
    const won = results.filter((result) => result.status === 'fulfilled');
    const lost = results.filter((result) => result.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((result) => result.reason)).toEqual([expect.any(StoreBusyError)]);
    for (const result of won) await result.value.release();
  });

  it('takes over a lock left by a process that is gone', async () => {
    const lease = await acquireStoreLock(dir, '/stores/a', 'backup');
    const [file] = await readdir(dir);
    await writeFile(path.join(dir, file ?? ''), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), what: 'backup', since: 'x' }));
    const taken = await acquireStoreLock(dir, '/stores/a', 'backup');
    expect(taken.leftover).toBeUndefined();
    await taken.release();
    await lease.release();
  });
});
