import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from './process-liveness';
import { recordOf, stringOf } from '../snapshot/json-values';
import { removeTree } from '../fs/remove-tree';

/** A staging folder with no owner file (left by an older version) is removed after this long. */
const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const OWNER_FILE = '.owner.json';

interface StagingOwner {
  pid: number;
  host: string;
  createdAt: string;
}

/** Folders of interrupted crawls kept for resuming (resumable-staging.ts): their lifecycle is their own. */
export const RESUMABLE_PREFIX = 'resume-';

export function stagingRoot(workDir: string): string {
  return path.join(workDir, 'staging');
}

/**
 * A private (0700) staging folder for one job, `<workDir>/staging/<kind>-XXXXXX`, stamped with the
 * process that owns it. Folders left by a process that no longer runs (a killed app or CLI) are
 * removed first, so a crash never leaves staged workspace data on disk past the next job.
 */
export async function createStaging(workDir: string, kind: 'backup' | 'restore' | 'export'): Promise<string> {
  const root = stagingRoot(workDir);
  await mkdir(root, { recursive: true, mode: 0o700 });
  await sweepStaleStaging(workDir);
  const dir = await mkdtemp(path.join(root, `${kind}-`));
  const owner: StagingOwner = { pid: process.pid, host: os.hostname(), createdAt: new Date().toISOString() };
  await writeFile(path.join(dir, OWNER_FILE), JSON.stringify(owner), { mode: 0o600 });
  return dir;
}

/** Removes staging folders whose owner is gone; returns their paths. */
export async function sweepStaleStaging(workDir: string, now = Date.now()): Promise<string[]> {
  const root = stagingRoot(workDir);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (name.startsWith(RESUMABLE_PREFIX)) continue;
    const dir = path.join(root, name);
    if (await isStale(dir, now)) {
      await removeTree(dir);
      removed.push(dir);
    }
  }
  return removed;
}

async function isStale(dir: string, now: number): Promise<boolean> {
  try {
    const owner = recordOf(JSON.parse(await readFile(path.join(dir, OWNER_FILE), 'utf8')));
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return true;
    // Another machine sharing this folder: only age can tell.
    if (owner.host !== os.hostname()) return now - Date.parse(stringOf(owner.createdAt) ?? '') > ORPHAN_AGE_MS;
    return !isAlive(owner.pid);
  } catch {
    try {
      return now - (await stat(dir)).mtimeMs > ORPHAN_AGE_MS;
    } catch {
      return false;
    }
  }
}

/**
 * Synchronously removes the staging folders this process owns: the last step of a CLI forced to
 * exit before its job could clean up. Returns the folders it could not remove.
 */
export function removeOwnStagingSync(workDir: string): string[] {
  const root = stagingRoot(workDir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return [];
  }
  const left: string[] = [];
  for (const name of names) {
    const dir = path.join(root, name);
    try {
      const owner = recordOf(JSON.parse(readFileSync(path.join(dir, OWNER_FILE), 'utf8')));
      if (owner.pid !== process.pid || owner.host !== os.hostname()) continue;
    } catch {
      continue;
    }
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      left.push(dir);
    }
  }
  return left;
}
