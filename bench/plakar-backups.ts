// Backups through the real plakar: a full backup, then an incremental one after 1 % of pages
// changed, on a synthetic workspace with files and the emulator's rate limit off (so the store side
// shows). Each backup runs in its own process (bench/backup-child.ts).
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { generateSyntheticWorkspace, startNotionEmulator } from '../testkit/notion-emulator';
import { plakarDirsUnder } from '../electron/engine/plakar/process';
import { PlakarStore } from '../electron/engine/plakar/store';

export interface BackupRun {
  wallMs: number;
  phases: Record<string, number>;
  mode: string;
  apiCalls: number;
  counts: Record<string, number>;
  storeBytesWritten: number | null;
  io: { rchar: number; wchar: number; readBytes: number; writeBytes: number };
  maxRssBytes: number;
}

export interface PlakarBackupMeasure {
  pages: number;
  files: number;
  changed: number;
  full: BackupRun;
  incremental: BackupRun;
}

const PASSPHRASE = 'bench passphrase, long enough 2026';

let childScript: string | undefined;
async function backupInChild(root: string, work: string, job: Record<string, unknown>): Promise<BackupRun> {
  if (!childScript) {
    childScript = path.join(work, 'backup-child.mjs');
    await build({ entryPoints: [path.join(root, 'bench/backup-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: childScript, logLevel: 'warning' });
  }
  const { stdout } = await promisify(execFile)(process.execPath, [childScript, JSON.stringify(job)], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as BackupRun;
}

export async function measurePlakarBackups(options: { root: string; work: string; plakar: string; pages: number }): Promise<PlakarBackupMeasure> {
  const synthetic = generateSyntheticWorkspace({ pages: options.pages, seed: 42 });
  const emulator = await startNotionEmulator({ workspace: synthetic.workspace, rateLimit: false });
  try {
    const base = await mkdtemp(path.join(options.work, `plakar-${options.pages}-`));
    const storePath = path.join(base, 'store');
    const workDir = path.join(base, 'app');
    await new PlakarStore({ bin: options.plakar, dirs: plakarDirsUnder(path.join(workDir, 'plakar')), location: storePath, passphrase: PASSPHRASE }).create();
    const job = { url: emulator.url, token: emulator.tokens.full, plakar: options.plakar, store: storePath, passphrase: PASSPHRASE, workDir };
    const full = await backupInChild(options.root, options.work, { ...job, full: true });
    const dump = emulator.admin.dump() as unknown as { pages: Array<{ id: string; parent: { type: string } }> };
    const regular = dump.pages.filter((page) => page.parent.type !== 'data_source_id');
    const changed = regular.filter((_page, index) => index % 100 === 0);
    for (const page of changed) emulator.admin.touchPage(page.id);
    const incremental = await backupInChild(options.root, options.work, job);
    if (process.env.BENCH_KEEP_STAGING) console.log(base);
    return { pages: options.pages, files: synthetic.counts.hostedFiles, changed: changed.length, full, incremental };
  } finally {
    await emulator.close();
  }
}
