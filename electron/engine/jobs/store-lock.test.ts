import { readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDir } from '../../../testkit/support/crawl';
import { acquireStoreLock, StoreBusyError, storeLockFile } from './store-lock';

let dir: string;
useScratchDir('lock-', (made) => (dir = made));

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

  const DEAD = { pid: 2 ** 22 + 12345, host: os.hostname(), what: 'backup', since: 'x' };

  it('lets exactly one of two jobs that start at the same moment take over from a process that is gone', async () => {
    // The two takeovers interleave differently from run to run; a handful of rounds meets the bad orders.
    for (let round = 0; round < 50; round += 1) {
      await writeFile(storeLockFile(dir, '/stores/a'), JSON.stringify(DEAD));
      const results = await Promise.allSettled([acquireStoreLock(dir, '/stores/a', 'backup'), acquireStoreLock(dir, '/stores/a', 'backup')]);
      const won = results.filter((result) => result.status === 'fulfilled');
      expect(won, `round ${round}`).toHaveLength(1);
      expect(results.filter((result) => result.status === 'rejected').map((result) => result.reason)).toEqual([expect.any(StoreBusyError)]);
      for (const result of won) await result.value.release();
      expect(await readdir(dir)).toEqual([]);
    }
  });

  it('takes over even when the process that was taking over died too', async () => {
    const file = storeLockFile(dir, '/stores/a');
    await writeFile(file, JSON.stringify(DEAD));
    await writeFile(`${file}.takeover-${DEAD.pid}`, JSON.stringify({ ...DEAD, pid: DEAD.pid + 1 }));
    const lease = await acquireStoreLock(dir, '/stores/a', 'backup');
    await lease.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('waits for a live process that is taking over', async () => {
    const file = storeLockFile(dir, '/stores/a');
    await writeFile(file, JSON.stringify(DEAD));
    await writeFile(`${file}.takeover-${DEAD.pid}`, JSON.stringify({ ...DEAD, pid: process.pid }));
    await expect(acquireStoreLock(dir, '/stores/a', 'backup')).rejects.toBeInstanceOf(StoreBusyError);
  });
});
