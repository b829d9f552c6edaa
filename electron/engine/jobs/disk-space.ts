// The disk a backup needs besides the store, checked before the crawl starts (docs/snapshot-format.md,
// "Disk space"): a backup that cannot finish should say so at once, not fail half-way with "disk full".
import { promises as fsPromises } from 'node:fs';
import type { SnapshotListEntry } from '../plakar/parse';
import { SnapshotCatalog } from '../snapshot/catalog';
import { BackupMirror } from './backup-mirror';
import type { CrawlSettings } from './resumable-staging';
import { resumablePages } from './resumable-staging';

const KiB = 1024;
const MiB = 1024 * KiB;

/** What a backup of a source never backed up before (nothing to measure) is asked to have free. */
export const FIRST_BACKUP_MINIMUM = 256 * MiB;
/** Added to every estimate: 15 % of it, and at least this much. */
export const MARGIN_RATIO = 0.15;
export const MARGIN_MINIMUM = 64 * MiB;
/**
 * plakar's own cache (`<data dir>/plakar/cache`) during and after `plakar backup`: a scan database
 * removed at the end, plus the store's state kept for later runs, measured with plakar v1.1.4 at
 * 0.2–0.35 × the staged tree per backup, with a peak of about 2 × the tree on a disk with little
 * room (docs/snapshot-format.md, "Disk space").
 */
export const PLAKAR_CACHE_RATIO = 1;
export const PLAKAR_CACHE_MINIMUM = 32 * MiB;
/**
 * An incremental crawl hard-links unchanged files from the previous tree: what it writes is the new
 * tree's folders (a few KiB each) and the pages that changed, counted as this share of the tree.
 */
export const INCREMENTAL_CRAWL_RATIO = 0.5;
/** What each staged file or folder takes beyond its content (a filesystem block). */
const PER_ENTRY = 4 * KiB;

/** What a snapshot's tree takes on disk, from its catalog counts or plakar's size of it. */
export interface TreeEstimate {
  bytes: number;
  /** Pages and rows in it (to value the pages an interrupted crawl already staged). */
  pages: number | undefined;
}

/**
 * The staged tree of a snapshot on disk: its content (plakar's size) plus a block per file and folder,
 * counted from the catalog (about 3 per page, row or database, 1 per 4 blocks with children, 2 per
 * file). Without counts, twice the content (what small JSON files cost on ext4, bench measurement).
 */
export function treeBytesOf(contentBytes: number, counts: Readonly<Record<string, number>> | undefined): TreeEstimate {
  if (!counts) return { bytes: Math.ceil(contentBytes * 2), pages: undefined };
  const containers = (counts.pages ?? 0) + (counts.rows ?? 0) + (counts.databases ?? 0);
  const entries = 3 * containers + 0.25 * (counts.blocks ?? 0) + 2 * (counts.files ?? 0);
  return { bytes: Math.ceil(Math.max(contentBytes, counts.fileBytes ?? 0) + entries * PER_ENTRY), pages: (counts.pages ?? 0) + (counts.rows ?? 0) };
}

export interface StagingNeedInput {
  /** The tree of the newest snapshot of this source (the best guess of the new one); undefined: none. */
  previousTree: TreeEstimate | undefined;
  /** The crawl reuses the previous snapshot (incremental), hard-linking its unchanged files. */
  incremental: boolean;
  /** That previous snapshot is restored from the store first (no local copy of it). */
  previousFromStore: boolean;
  /** Pages an interrupted crawl of the same source and settings already staged (resumed in place). */
  resumedPages: number;
}

export interface StagingNeed {
  /** Free bytes the backup asks for. */
  bytes: number;
  /** No snapshot of this source was found: `bytes` is a minimum, not a measure. */
  minimum: boolean;
  /** What it is made of (before the margin), for the message and the tests. */
  parts: { crawl: number; previous: number; plakarCache: number; margin: number };
}

/**
 * The peak disk a backup uses besides the store: the staged tree (less what a resumed crawl already
 * staged; a share of it when unchanged pages are hard-linked), the previous snapshot restored from the
 * store when there is no local copy, and plakar's cache; plus the margin. The local copy kept
 * afterwards is the staged tree renamed (same data folder): nothing more.
 */
export function stagingNeed(input: StagingNeedInput): StagingNeed {
  const tree = input.previousTree;
  if (!tree) {
    return { bytes: FIRST_BACKUP_MINIMUM, minimum: true, parts: { crawl: FIRST_BACKUP_MINIMUM, previous: 0, plakarCache: 0, margin: 0 } };
  }
  const perPage = tree.pages ? tree.bytes / tree.pages : 0;
  const staged = Math.min(tree.bytes, input.resumedPages * perPage);
  const crawl = Math.max(0, (input.incremental ? INCREMENTAL_CRAWL_RATIO : 1) * tree.bytes - staged);
  const previous = input.incremental && input.previousFromStore ? tree.bytes : 0;
  const plakarCache = Math.max(PLAKAR_CACHE_MINIMUM, PLAKAR_CACHE_RATIO * tree.bytes);
  const sum = crawl + previous + plakarCache;
  const margin = Math.max(MARGIN_MINIMUM, MARGIN_RATIO * sum);
  return { bytes: Math.ceil(sum + margin), minimum: false, parts: { crawl: Math.ceil(crawl), previous: Math.ceil(previous), plakarCache: Math.ceil(plakarCache), margin: Math.ceil(margin) } };
}

/** The data folder has less free space than the backup needs: nothing was crawled or written. */
export class DiskSpaceError extends Error {
  override readonly name = 'DiskSpaceError';

  constructor(
    readonly dir: string,
    readonly need: StagingNeed,
    readonly freeBytes: number,
  ) {
    super(diskSpaceMessage(dir, need, freeBytes));
  }
}

function diskSpaceMessage(dir: string, need: StagingNeed, freeBytes: number): string {
  const what = [
    need.parts.crawl > 0 || need.minimum ? 'the staged copy of the workspace' : undefined,
    need.parts.previous > 0 ? 'the previous snapshot read back from the store' : undefined,
    need.parts.plakarCache > 0 || need.minimum ? 'plakar’s cache' : undefined,
  ].filter((part): part is string => part !== undefined);
  const list = what.length > 1 ? `${what.slice(0, -1).join(', ')} and ${what.at(-1) ?? ''}` : (what[0] ?? '');
  const amount = need.minimum
    ? `at least ${formatSize(need.bytes)} free in ${dir} (${list}; a first backup has nothing to measure, so this is a minimum, not an estimate)`
    : `about ${formatSize(need.bytes)} free in ${dir} (${list}, estimated from the last snapshot of this workspace, with a margin)`;
  return (
    `This backup needs ${amount}; ${formatSize(freeBytes)} ${freeBytes === 1 ? 'is' : 'are'} free. ` +
    'Free some space on that disk (or set NOTION_PLAKAR_DATA_DIR to a folder on a disk with room), then try again. Nothing was crawled; no snapshot was recorded.'
  );
}

/** 1.5 GB, 800 MB, 12 kB (decimal units, as file managers show free space). */
export function formatSize(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}

/** How free space is read; tests replace `statfs` with a fake. */
export const diskProbe = {
  statfs: (dir: string): Promise<{ bavail: number; bsize: number }> => fsPromises.statfs(dir),
};

/**
 * Throws DiskSpaceError when `dir`'s filesystem has less free space (for this user) than `need`.
 * Free space that cannot be read (a filesystem without statfs) lets the backup go on.
 */
export async function checkDiskForBackup(dir: string, need: StagingNeed): Promise<void> {
  let free: number;
  try {
    const stats = await diskProbe.statfs(dir);
    free = Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return;
  }
  if (Number.isFinite(free) && free < need.bytes) throw new DiskSpaceError(dir, need, free);
}

/**
 * What this backup will need, from what is at hand without reading any tree: plakar's size of the
 * newest snapshot of the source and its catalog counts (the first catalog record found among the
 * three newest), whether the previous snapshot has a local copy, and the interrupted crawl's checkpoint.
 */
export async function backupDiskNeed(options: {
  workDir: string;
  /** Snapshots of this source, newest first. */
  previous: readonly SnapshotListEntry[];
  /** The snapshot an incremental backup reuses; undefined for a full one. */
  basedOn: string | undefined;
  /** Local copies are kept (and may hold `basedOn`). */
  localCopy: boolean;
  crawl: CrawlSettings;
}): Promise<StagingNeed> {
  const catalog = SnapshotCatalog.inDataDir(options.workDir);
  const newest = options.previous[0];
  let previousTree: TreeEstimate | undefined;
  if (newest) {
    let counts: Record<string, number> | undefined;
    for (const entry of options.previous.slice(0, 3)) {
      if (!/^[0-9a-f]{64}$/.test(entry.id)) continue;
      counts = (await catalog.get(entry.id).catch(() => undefined))?.summary?.counts;
      if (counts) break;
    }
    previousTree = treeBytesOf(newest.sizeBytes, counts);
  }
  const { basedOn } = options;
  const hasLocalCopy =
    basedOn !== undefined && options.localCopy && (await new BackupMirror(options.workDir, options.crawl.store, options.crawl.sourceKey).treeOf(basedOn)) !== undefined;
  return stagingNeed({
    previousTree,
    incremental: basedOn !== undefined,
    previousFromStore: basedOn !== undefined && !hasLocalCopy,
    resumedPages: await resumablePages(options.workDir, options.crawl),
  });
}
