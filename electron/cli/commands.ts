import { changesSummary, massDeletionMessage } from '../../shared/change-summary';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BackupProgress } from '../../shared/jobs';
import { assessPassphrase } from '../../shared/passphrase-policy';
import type { CommentScope } from '../engine/notion/crawler/context';
import { snapshotMode, validateUserTag } from '../engine/jobs/backup-plan';
import { runBackupJob } from '../engine/jobs/backup-job';
import { describeJobError } from '../engine/jobs/job-errors';
import { PlakarError } from '../engine/plakar/errors';
import { localStorePath } from '../engine/plakar/store-location';
import { openStore } from './store';
import type { CliIo } from './cli-io';
import { CliError, cliDataDir, EXIT_USAGE, notionApiVersionOf } from './cli-io';
import { describeUnreachable, formatBytes, formatDuration, formatProgressLine } from './format';

import { APP_VERSION } from './about';


function failWith(error: unknown): never {
  if (error instanceof PlakarError && error.kind === 'store-missing') {
    throw new CliError(`${error.message}`);
  }
  throw new CliError(describeJobError(error).message);
}

/**
 * `init` creates the store's own folder, never the folders above it: a typo in the path
 * (~/Notion Backups/…) must not leave a store somewhere nobody will look.
 */
async function requireParentFolder(location: string): Promise<void> {
  const local = localStorePath(location);
  if (!local) return;
  const parent = path.dirname(local);
  const info = await stat(parent).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return null;
    throw error;
  });
  if (!info) throw new CliError(`The folder ${parent} does not exist; create it first (init creates only the store folder ${path.basename(local)} inside it).`);
  if (!info.isDirectory()) throw new CliError(`${parent} is a file, not a folder; choose a store location inside a folder.`);
}

export async function runInitCommand(io: CliIo, options: { store: string; plaintext?: boolean }): Promise<void> {
  const passphrase = io.env.PLAKAR_PASSPHRASE ?? '';
  if (!options.plaintext) {
    if (!passphrase) {
      throw new CliError('Set PLAKAR_PASSPHRASE to the passphrase for the new store (or pass --plaintext for no encryption).', EXIT_USAGE);
    }
    const assessment = assessPassphrase(passphrase);
    if (!assessment.acceptable) throw new CliError(`PLAKAR_PASSPHRASE is too weak: ${assessment.message}`, EXIT_USAGE);
  }
  await requireParentFolder(options.store);
  const store = openStore(io, options.store, { plaintext: options.plaintext === true });
  if (await store.isLocalStore()) throw new CliError(`A Kloset store already exists at ${store.location}; nothing was changed.`);
  try {
    await store.create({ plaintext: options.plaintext ?? false });
  } catch (error) {
    failWith(error);
  }
  io.stdout(`Created ${options.plaintext ? 'an unencrypted' : 'an encrypted'} Kloset store at ${store.location}.\n`);
  if (options.plaintext) {
    io.stdout('plakar 1.1.5 and newer open an unencrypted store only with PLAKAR_INSECURE_PLAINTEXT=1 in the environment; set it for the commands that use this store.\n');
  }
}

interface BackupCommandOptions {
  store: string;
  root?: string[];
  full?: boolean;
  tag?: string[];
  comments: CommentScope;
  rate?: number;
  /** False with --no-local-copy. */
  localCopy?: boolean;
  json?: boolean;
}

export async function runBackupCommand(io: CliIo, options: BackupCommandOptions): Promise<void> {
  const token = io.env.NOTION_TOKEN?.trim();
  if (!token) throw new CliError('Set NOTION_TOKEN to your Notion integration secret or personal access token.', EXIT_USAGE);
  for (const tag of options.tag ?? []) {
    const problem = validateUserTag(tag);
    if (problem) throw new CliError(problem, EXIT_USAGE);
  }
  const store = openStore(io, options.store);
  let lastLine = 0;
  const onProgress = (progress: BackupProgress): void => {
    if (options.json) {
      io.stderr(`${JSON.stringify({ type: 'progress', ...progress })}\n`);
      return;
    }
    if (!io.showProgress) return;
    const now = Date.now();
    if (progress.phase === 'crawling' && now - lastLine < 2000) return;
    lastLine = now;
    io.stderr(`${formatProgressLine(progress)}\n`);
  };
  let result;
  try {
    result = await runBackupJob({
      token,
      notionApiUrl: io.env.NOTION_API_URL,
      notionApiVersion: notionApiVersionOf(io.env),
      onResumable: ({ dir, storedPages }) =>
        io.stderr(
          `notion-plakar: ${storedPages} pages were stored before the backup stopped; they are kept (privately, in ${dir}) ` +
            'and the next backup of this source resumes from there. Kept 7 days.\n',
        ),
      requestsPerSecond: options.rate,
      comments: options.comments,
      store,
      workDir: cliDataDir(io.env),
      roots: options.root ?? [],
      full: options.full ?? false,
      localCopy: options.localCopy !== false,
      extraTags: options.tag ?? [],
      appVersion: APP_VERSION,
      signal: io.signal,
      onProgress,
    });
  } catch (error) {
    failWith(error);
  }
  const { crawl } = result;
  const warnings = [
    ...result.warnings,
    ...crawl.unsupportedBlocks.map((block) => `unsupported block ${block.blockId} (${block.blockType}) in page ${block.pageId}`),
    ...crawl.failedFiles.map((file) => `file ${file.ref} in page ${file.pageId} could not be downloaded: ${file.reason}`),
  ];
  // On stderr, in text and JSON alike, so a cron job's mail or a service's journal shows it.
  if (result.changes?.massDeletion) io.stderr(`notion-plakar: alert: ${massDeletionMessage(result.changes)}\n`);
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        snapshotId: result.snapshotId,
        pages: crawl.counts.pages,
        databases: crawl.counts.databases,
        rows: crawl.counts.rows,
        blocks: crawl.counts.blocks,
        files: crawl.counts.files,
        comments: crawl.counts.comments,
        views: crawl.counts.views,
        linkedDatabases: crawl.counts.linkedDatabases,
        reusedPages: crawl.counts.reusedPages,
        apiCalls: crawl.apiCalls,
        durationMs: result.durationMs,
        incremental: result.mode === 'incremental',
        changes: result.changes,
        warnings,
        unreachable: crawl.unreachable,
      })}\n`,
    );
    return;
  }
  const counts = crawl.counts;
  io.stdout(
    [
      `Snapshot ${result.snapshotId} (${result.mode}${result.mode === 'incremental' ? `, ${counts.reusedPages} unchanged pages reused` : ''})`,
      `  ${counts.pages} pages, ${counts.databases} databases, ${counts.rows} rows, ${counts.blocks} blocks, ` +
        `${counts.files} files (${formatBytes(counts.fileBytes)}), ${counts.comments} comments`,
      ...(result.changes ? [`  ${changesSummary(result.changes)}`] : []),
      `  ${crawl.apiCalls} Notion requests in ${formatDuration(result.durationMs)}`,
      ...describeUnreachable(crawl.unreachable).map((line) => `  ${line}`),
      ...warnings.map((warning) => `  warning: ${warning}`),
      '',
    ].join('\n'),
  );
}

export async function runSnapshotsCommand(io: CliIo, options: { store: string; json?: boolean }): Promise<void> {
  const store = openStore(io, options.store);
  let snapshots;
  try {
    snapshots = await store.listSnapshots();
  } catch (error) {
    failWith(error);
  }
  const rows = snapshots.map((snapshot) => ({
    id: snapshot.id,
    time: snapshot.time,
    size: snapshot.sizeBytes,
    tags: snapshot.tags,
    source: snapshot.tags.find((tag) => tag.startsWith('source='))?.slice('source='.length) ?? null,
  }));
  if (options.json) {
    io.stdout(`${JSON.stringify(rows)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.stdout('No snapshots yet.\n');
    return;
  }
  // The source key is what `prune --source` takes: one per workspace and set of roots.
  io.stdout(`${'time'.padEnd(rows[0]?.time.length ?? 0)}  ${'id'.padEnd(64)}  ${'size'.padStart(10)}  ${'mode'.padEnd(11)}  source\n`);
  for (const row of rows) {
    const mode = snapshotMode(row.tags) ?? '-';
    io.stdout(`${row.time}  ${row.id}  ${formatBytes(row.size).padStart(10)}  ${mode.padEnd(11)}  ${row.source ?? '-'}\n`);
  }
}
