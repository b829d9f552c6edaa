import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export class StoreBusyError extends Error {
  override readonly name = 'StoreBusyError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One job per store at a time, across the app and the CLI: a lock file created exclusively under the
 * app's data directory. A lock left by a process that no longer runs is taken over.
 */
export async function acquireStoreLock(lockDir: string, storeLocation: string, what: string): Promise<() => Promise<void>> {
  await mkdir(lockDir, { recursive: true, mode: 0o700 });
  const file = path.join(lockDir, `${createHash('sha256').update(storeLocation).digest('hex').slice(0, 16)}.lock`);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o600);
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: os.hostname(), what, since: new Date().toISOString() }));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readHolder(file);
      if (holder && holder.host === os.hostname() && !isAlive(holder.pid)) {
        await rm(file, { force: true });
        continue;
      }
      throw new StoreBusyError(
        `Another ${holder?.what ?? 'job'} is already running on this store${holder ? ` (since ${holder.since})` : ''}. Wait for it to finish.`,
      );
    }
  }
  throw new StoreBusyError('Could not lock the store.');
}

async function readHolder(file: string): Promise<{ pid: number; host: string; what: string; since: string } | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as { pid: number; host: string; what: string; since: string };
  } catch {
    return undefined;
  }
}
