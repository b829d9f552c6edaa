// Backups through the real plakar: a full backup, then an incremental one after 1 % of pages
// changed, on a synthetic workspace with files and the emulator's rate limit off (so the store side
// shows). Each backup runs in its own process (bench/backup-child.ts).
import { AppEvents } from '../electron/services/app-events';
import { SnapshotLibrary } from '../electron/services/snapshot-library';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import type { BackupChildJob } from './bench-support';
import { newBenchStore, runInChild, touchOnePercentOfPages } from './bench-support';
import type { PlakarStore } from '../electron/engine/plakar/store';
import { exportSnapshot } from '../electron/engine/export';
import { directorySource, SnapshotReader } from '../electron/engine/snapshot/reader';
import { folderBytes, selectiveSnapshotSource } from '../electron/engine/snapshot/selective-source';
import type { ServiceContext } from '../electron/services/service-context';
import { snapshotServices } from '../electron/services/handlers/snapshots';
import { searchTitles } from '../electron/engine/snapshot/snapshot-history';

export interface BackupRun {
  wallMs: number;
  phases: Record<string, number>;
  mode: string;
  apiCalls: number;
  counts: Record<string, number>;
  storeBytesWritten: number | null;
  /** Adding the snapshot's text to the search index (it runs while plakar stores the tree). */
  textIndexMs: number | null;
  /** What of it the backup waited for after plakar had finished: what indexing adds to wallMs. */
  textIndexAddedMs: number | null;
  io: { rchar: number; wchar: number; readBytes: number; writeBytes: number };
  maxRssBytes: number;
  /** The process's memory split (process.memoryUsage) at its highest sampled RSS, and the phase it fell in. */
  peakMemory?: { phase: string; rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number; liveAfterMajorGc: number; livePhase: string };
}

export interface SnapshotAccessMeasure {
  firstOpenMs: number;
  laterOpenMs: number;
  pageTitle: string;
  pageBytes: number;
  exportMs: number;
  exportDiskBytes: number;
  restoreStagingMs: number;
  /** Its preview, read from the store through the app's service (the snapshot's list of pages not yet read). */
  previewMs: number;
  previewBlocks: number;
}

export interface PlakarBackupMeasure {
  pages: number;
  files: number;
  changed: number;
  full: BackupRun;
  incremental: BackupRun;
  access?: SnapshotAccessMeasure;
}

function backupInChild(root: string, work: string, job: BackupChildJob & { full?: boolean }): Promise<BackupRun> {
  return runInChild<BackupRun>(root, work, 'bench/backup-child.ts', job);
}

export async function measurePlakarBackups(options: { root: string; work: string; plakar: string; pages: number; access?: boolean }): Promise<PlakarBackupMeasure> {
  const synthetic = generateSyntheticWorkspace({ pages: options.pages, seed: 42 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
  try {
    const { base, store, job } = await newBenchStore({ work: options.work, plakar: options.plakar, prefix: `plakar-${options.pages}`, emulator });
    const full = await backupInChild(options.root, options.work, { ...job, full: true });
    const { changed } = touchOnePercentOfPages(emulator);
    const incremental = await backupInChild(options.root, options.work, job);
    const access = options.access ? await measureSnapshotAccess(store, base) : undefined;
    return { pages: options.pages, files: synthetic.counts.hostedFiles, changed, full, incremental, access };
  } finally {
    await emulator.close();
  }
}

function browserContext(store: PlakarStore, dataDir: string): ServiceContext {
  return { store: async () => store, config: { dataDir }, events: new AppEvents() } as unknown as ServiceContext;
}

export interface SnapshotBrowserMeasure {
  firstOpenMs: number;
  laterOpenMs: number;
  entries: number;
  /** Finding a page by its title once the snapshot is open: the app's title search over its catalog record. */
  titleSearchMs: number;
  title: string;
  found: boolean;
}

/**
 * The snapshot browser on `snapshotId`, through the app's own services with an empty data dir (no
 * catalog, no local copy): its first open, a later open, then finding a page by its title (a page
 * near the end of the tree) as the app's search does over the catalog record.
 */
export async function measureSnapshotBrowser(store: PlakarStore, dataDir: string, snapshotId: string): Promise<SnapshotBrowserMeasure> {
  const context = browserContext(store, dataDir);
  let started = Date.now();
  const tree = await snapshotServices(new SnapshotLibrary(context)).getSnapshotTree({ snapshotId });
  const firstOpenMs = Date.now() - started;
  if (tree.status !== 'ok') throw new Error(tree.message);
  const library = new SnapshotLibrary(context);
  started = Date.now();
  await snapshotServices(library).getSnapshotTree({ snapshotId });
  const laterOpenMs = Date.now() - started;
  const pages = tree.entries.filter((entry) => entry.object === 'page' && !entry.isRow);
  const target = pages[Math.floor(pages.length * 0.9)] ?? pages[0];
  if (!target) throw new Error('no page in the snapshot');
  const [snapshot] = (await store.listSnapshots()).filter((item) => item.id === snapshotId);
  started = Date.now();
  const record = await library.record(snapshotId);
  const { matches } = searchTitles(target.title, [{ snapshot: { id: snapshotId, time: snapshot?.time ?? new Date().toISOString() }, record }]);
  const titleSearchMs = Date.now() - started;
  return { firstOpenMs, laterOpenMs, entries: tree.entries.length, titleSearchMs, title: target.title, found: matches.some((match) => match.id === target.id) };
}

/**
 * On the oldest snapshot (the full one, so no local copy helps): the snapshot browser's first and
 * later opens, through the app's own service; then exporting one page with files, and how much
 * disk that took compared with the page itself.
 */
async function measureSnapshotAccess(store: PlakarStore, base: string): Promise<SnapshotAccessMeasure> {
  const [, oldest] = await store.listSnapshots();
  if (!oldest) throw new Error('expected two snapshots');
  const dataDir = path.join(base, 'browser');
  const context = browserContext(store, dataDir);
  const { firstOpenMs, laterOpenMs } = await measureSnapshotBrowser(store, dataDir, oldest.id);
  let started = Date.now();

  // The whole snapshot, as restores and exports of a few pages used to need; then a page with files,
  // two levels down, picked from it.
  const whole = path.join(base, 'whole');
  started = Date.now();
  await store.restore(oldest.id, whole);
  const restoreStagingMs = Date.now() - started;
  const reader = await SnapshotReader.open(directorySource(whole));
  const candidates = reader.index().filter((entry) => entry.object === 'page' && !entry.isRow && entry.path.split('/').length === 2);
  let page = candidates[0];
  for (const candidate of candidates) {
    if ((await reader.files(candidate.path)).size > 0) {
      page = candidate;
      break;
    }
  }
  if (!page) throw new Error('no page to export');
  const pageBytes = await folderBytes(path.join(whole, page.path));
  const staging = path.join(base, 'export-staging');
  await mkdir(staging);
  started = Date.now();
  const selective = await SnapshotReader.open(selectiveSnapshotSource(store, oldest.id, staging, [page.id]));
  await exportSnapshot({ reader: selective, targetDir: path.join(base, 'export'), format: 'markdown', selection: [page.id] });
  const exportMs = Date.now() - started;
  const exportDiskBytes = await folderBytes(staging);

  // The preview of the same page, read from the store (no local copy of this snapshot), as the app does.
  const library = new SnapshotLibrary(context);
  started = Date.now();
  const preview = await snapshotServices(library).getPagePreview({ snapshotId: oldest.id, pageId: page.id });
  const previewMs = Date.now() - started;
  if (preview.status !== 'ok') throw new Error(preview.message);
  return { firstOpenMs, laterOpenMs, pageTitle: page.title, pageBytes, exportMs, exportDiskBytes, restoreStagingMs, previewMs, previewBlocks: preview.blocks.length };
}
