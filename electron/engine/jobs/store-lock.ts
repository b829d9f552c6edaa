import { createHash, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { signalGroup } from '../plakar/process';
import { commandLineOf, isAlive } from './process-liveness';

export class StoreBusyError extends Error {
  override readonly name = 'StoreBusyError';
}

interface LockHolder {
  pid: number;
  host: string;
  what: string;
  since: string;
  /** The plakar backup the holder started, so a successor can find it if the holder dies. */
  plakar?: { pid: number; job: string } | undefined;
}

/** A plakar backup left running by a holder that died (kill -9 of the app or CLI). */
export interface LeftoverPlakar {
  job: string;
  /** When the dead holder took the lock. */
  since: string;
  /** True when it was still running and was stopped; false when it had already ended. */
  stopped: boolean;
}

export interface StoreLease {
  /** Set when this lease took over from a dead holder whose plakar backup was running or ran. */
  leftover: LeftoverPlakar | undefined;
  /** Records the plakar child this job started (pid and `-job` id) in the lock file. */
  recordPlakar(child: { pid: number; job: string }): Promise<void>;
  release(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/**
 * One job per store at a time, across the app and the CLI: a lock file created exclusively under the
 * app's data directory. A lock left by a process that no longer runs is taken over; if that process
 * had a plakar backup running (plakar runs in its own process group, so it outlives a killed parent),
 * the backup is stopped first, so two backups never write at once, and reported as `leftover`.
 * Why this is not proper-lockfile: docs/architecture.md, "Hand-written infrastructure".
 */
export async function acquireStoreLock(lockDir: string, storeLocation: string, what: string): Promise<StoreLease> {
  await mkdir(lockDir, { recursive: true, mode: 0o700 });
  const file = storeLockFile(lockDir, storeLocation);
  const holder: LockHolder = { pid: process.pid, host: os.hostname(), what, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 4; attempt += 1) {
    if (await createExclusive(file, holder)) return lease(file, holder, undefined);
    const previous = await readHolder(file);
    if (!previous || previous.host !== os.hostname() || isAlive(previous.pid)) throw busy(previous);
    const taken = await takeOver(file, previous, holder);
    if (taken) return lease(file, holder, taken.leftover);
  }
  throw new StoreBusyError('Could not lock the store.');
}

function lease(file: string, holder: LockHolder, leftover: LeftoverPlakar | undefined): StoreLease {
  return {
    leftover,
    recordPlakar: async (child) => writeFile(file, JSON.stringify({ ...holder, plakar: child }), { mode: 0o600 }),
    release: async () => rm(file, { force: true }),
  };
}

function busy(previous: LockHolder | undefined): StoreBusyError {
  return new StoreBusyError(
    `Another ${previous?.what ?? 'job'} is already running on this store${previous ? ` (since ${previous.since})` : ''}. Wait for it to finish.`,
  );
}

/**
 * Creates `file` holding `holder` unless it exists, atomically and complete: written aside, then
 * hard-linked into place (link, like open's wx, fails when the name is taken). False when taken.
 */
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const aside = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(aside, JSON.stringify(holder), { mode: 0o600 });
  try {
    await link(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await rm(aside, { force: true });
  }
}

/**
 * Replaces a dead holder's lock with ours, for one successor only. Successors that find the same
 * dead holder race for a claim named after it; the winner stops the dead holder's plakar, then
 * renames its own holder over the lock, which stays in place throughout (no job can start in
 * between). Undefined when another successor got there first and the caller should look again.
 */
async function takeOver(file: string, dead: LockHolder, holder: LockHolder): Promise<{ leftover: LeftoverPlakar | undefined } | undefined> {
  const claim = `${file}.takeover-${dead.pid}`;
  if (!(await createExclusive(claim, holder))) {
    const claimant = await readHolder(claim);
    if (!claimant || isAlive(claimant.pid)) throw busy(claimant);
    await rm(claim, { force: true }); // its claimant died during the takeover
    return undefined;
  }
  try {
    const current = await readHolder(file);
    if (current?.pid !== dead.pid || current.since !== dead.since) return undefined;
    const leftover = dead.plakar ? { job: dead.plakar.job, since: dead.since, stopped: await stopLeftoverPlakar(dead.plakar) } : undefined;
    const aside = `${file}.${process.pid}.${randomUUID()}.tmp`;
    await writeFile(aside, JSON.stringify(holder), { mode: 0o600 });
    await rename(aside, file).catch(async (error: unknown) => {
      await rm(aside, { force: true });
      throw error;
    });
    return { leftover };
  } finally {
    await rm(claim, { force: true });
  }
}

/** The lock file of one store: its location hashed, so any location makes a safe file name. */
export function storeLockFile(lockDir: string, storeLocation: string): string {
  return path.join(lockDir, `${createHash('sha256').update(storeLocation).digest('hex').slice(0, 16)}.lock`);
}

/**
 * Stops a plakar left by a dead holder, after checking that the pid still runs that very backup
 * (its command line carries the job id), so a reused pid is never signalled.
 */
async function stopLeftoverPlakar(child: { pid: number; job: string }): Promise<boolean> {
  const commandLine = await commandLineOf(child.pid);
  if (!commandLine?.includes(child.job)) return false;
  signalGroup(child.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isAlive(child.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(child.pid)) signalGroup(child.pid, 'SIGKILL');
  return true;
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}
