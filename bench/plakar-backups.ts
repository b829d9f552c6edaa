// Backups through the real plakar: a full backup, then an incremental one after 1 % of pages
// changed, on a synthetic workspace with files and the emulator's rate limit off (so the store side
// shows). Each backup runs in its own process (bench/backup-child.ts).
import { AppEvents } from '../electron/services/app-events';
import { SnapshotLibrary } from '../electron/services/snapshot-library';
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import { runInChild, touchOnePercentOfPages } from './bench-support';
import { plakarDirsUnder } from '../electron/engine/plakar/process';
import { PlakarStore } from '../electron/engine/plakar/store';
import { exportSnapshot } from '../electron/engine/export';
import { directorySource, SnapshotReader } from '../electron/engine/snapshot/reader';
import { folderBytes, selectiveSnapshotSource } from '../electron/engine/snapshot/selective-source';
import type { ServiceContext } from '../electron/services/service-context';
import { snapshotServices } from '../electron/services/handlers/snapshots';

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

const PASSPHRASE = 'bench passphrase, long enough 2026';

function backupInChild(root: string, work: string, job: Record<string, unknown>): Promise<BackupRun> {
  return runInChild<BackupRun>(root, work, 'bench/backup-child.ts', job);
}

export async function measurePlakarBackups(options: { root: string; work: string; plakar: string; pages: number; access?: boolean }): Promise<PlakarBackupMeasure> {
  const synthetic = generateSyntheticWorkspace({ pages: options.pages, seed: 42 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
  try {
    const base = await mkdtemp(path.join(options.work, `plakar-${options.pages}-`));
    const storePath = path.join(base, 'store');
    const workDir = path.join(base, 'app');
    await new PlakarStore({ bin: options.plakar, dirs: plakarDirsUnder(path.join(workDir, 'plakar')), location: storePath, passphrase: PASSPHRASE }).create();
    const job = { url: emulator.url, token: emulator.tokens.full, plakar: options.plakar, store: storePath, passphrase: PASSPHRASE, workDir };
    const full = await backupInChild(options.root, options.work, { ...job, full: true });
    const { changed } = touchOnePercentOfPages(emulator);
    const incremental = await backupInChild(options.root, options.work, job);
    const store = new PlakarStore({ bin: options.plakar, dirs: plakarDirsUnder(path.join(workDir, 'plakar')), location: storePath, passphrase: PASSPHRASE });
    const access = options.access ? await measureSnapshotAccess(store, base) : undefined;
    return { pages: options.pages, files: synthetic.counts.hostedFiles, changed, full, incremental, access };
  } finally {
    await emulator.close();
  }
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
  const context = { store: async () => store, config: { dataDir }, events: new AppEvents() } as unknown as ServiceContext;
  let started = Date.now();
  const tree = await snapshotServices(new SnapshotLibrary(context)).getSnapshotTree({ snapshotId: oldest.id });
  const firstOpenMs = Date.now() - started;
  started = Date.now();
  await snapshotServices(new SnapshotLibrary(context)).getSnapshotTree({ snapshotId: oldest.id });
  const laterOpenMs = Date.now() - started;
  if (tree.status !== 'ok') throw new Error(tree.message);

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
