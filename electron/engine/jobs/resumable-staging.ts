// Where a backup crawls, kept when the backup does not finish (a kill, a crash, a sleep that broke the
// connection, a cancel) so the next backup of the same source resumes it (docs/snapshot-format.md,
// "Resuming an interrupted backup"). One folder per store and source, private (0700), named by a hash.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CHECKPOINT_FILE } from '../notion/crawler/checkpoint';
import { RESUMABLE_PREFIX, stagingRoot } from './staging';
import { removeTree } from '../fs/remove-tree';

/** An interrupted crawl nobody resumed for this long is abandoned: its folder is removed. */
export const ABANDONED_AFTER_MS = 7 * 24 * 60 * 60 * 1000;
const RECORD = 'resume.json';
const TREE = 'tree';

/** What the staged tree is a crawl of: resumed only when all of it is the same. */
const settingsSchema = z.object({
  store: z.string(),
  sourceKey: z.string(),
  comments: z.string(),
  notionApiVersion: z.string(),
});
export type CrawlSettings = z.infer<typeof settingsSchema>;

const recordSchema = z.object({
  format: z.literal(1),
  settings: settingsSchema,
  /** When the interrupted crawl started: pages edited after it are fetched again. */
  startedAt: z.string(),
  updatedAt: z.string(),
});
type ResumeRecord = z.infer<typeof recordSchema>;

export interface ResumableCrawl {
  /** Holds resume.json and checkpoint.jsonl. */
  dir: string;
  /** The tree the crawl writes (and plakar stores). */
  treeDir: string;
  /** Set when an interrupted crawl of the same source and settings is resumed: when it started. */
  resumeSince: string | undefined;
}

function folderFor(workDir: string, settings: CrawlSettings): string {
  const hash = createHash('sha256').update(`${settings.store}\n${settings.sourceKey}`).digest('hex').slice(0, 16);
  return path.join(stagingRoot(workDir), `${RESUMABLE_PREFIX}${hash}`);
}

async function readRecord(dir: string): Promise<ResumeRecord | undefined> {
  try {
    return recordSchema.parse(JSON.parse(await readFile(path.join(dir, RECORD), 'utf8')));
  } catch {
    return undefined;
  }
}

function sameSettings(a: CrawlSettings, b: CrawlSettings): boolean {
  return a.store === b.store && a.sourceKey === b.sourceKey && a.comments === b.comments && a.notionApiVersion === b.notionApiVersion;
}

/**
 * The folder to crawl into: the interrupted crawl of this store and source when its settings are the
 * same (resumed), else a fresh one (what was staged with other settings is removed). Interrupted
 * crawls abandoned for a week, of any source, are removed first.
 */
export async function openResumableCrawl(workDir: string, settings: CrawlSettings, now = new Date()): Promise<ResumableCrawl> {
  await removeAbandonedCrawls(workDir, now.getTime());
  const dir = folderFor(workDir, settings);
  const treeDir = path.join(dir, TREE);
  const record = await readRecord(dir);
  if (record && sameSettings(record.settings, settings)) {
    await writeRecord(dir, { ...record, updatedAt: now.toISOString() });
    await mkdir(treeDir, { recursive: true, mode: 0o700 });
    return { dir, treeDir, resumeSince: record.startedAt };
  }
  await removeTree(dir);
  await mkdir(treeDir, { recursive: true, mode: 0o700 });
  await writeRecord(dir, { format: 1, settings, startedAt: now.toISOString(), updatedAt: now.toISOString() });
  return { dir, treeDir, resumeSince: undefined };
}

async function writeRecord(dir: string, record: ResumeRecord): Promise<void> {
  await writeFile(path.join(dir, RECORD), JSON.stringify(record), { mode: 0o600 });
}

/** How many pages the crawl in `dir` has stored for good (lines of its checkpoint). */
export async function checkpointedPages(dir: string): Promise<number> {
  try {
    const text = await readFile(path.join(dir, CHECKPOINT_FILE), 'utf8');
    return text.split('\n').filter((line) => line.trim() !== '').length;
  } catch {
    return 0;
  }
}

/**
 * Pages an interrupted crawl staged that a crawl with `settings` would resume (0 when there is none,
 * or it was made with other settings and would be cleared): read without changing anything.
 */
export async function resumablePages(workDir: string, settings: CrawlSettings): Promise<number> {
  const dir = folderFor(workDir, settings);
  const record = await readRecord(dir);
  if (!record || !sameSettings(record.settings, settings)) return 0;
  return checkpointedPages(dir);
}

/** After the snapshot is stored: nothing is left to resume. */
export async function discardResumableCrawl(crawl: ResumableCrawl): Promise<void> {
  await removeTree(crawl.dir);
}

/** Removes interrupted crawls not resumed for ABANDONED_AFTER_MS; returns their folders. */
export async function removeAbandonedCrawls(workDir: string, now = Date.now()): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(stagingRoot(workDir));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((item) => item.startsWith(RESUMABLE_PREFIX))) {
    const dir = path.join(stagingRoot(workDir), name);
    const record = await readRecord(dir);
    const touched = record ? Date.parse(record.updatedAt) : await modifiedAt(dir);
    if (now - touched > ABANDONED_AFTER_MS) {
      await removeTree(dir);
      removed.push(dir);
    }
  }
  return removed;
}

async function modifiedAt(dir: string): Promise<number> {
  try {
    return (await stat(dir)).mtimeMs;
  } catch {
    return Date.now();
  }
}
