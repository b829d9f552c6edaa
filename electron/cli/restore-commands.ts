import path from 'node:path';
import { ExportTargetNotEmptyError } from '../engine/export';
import { runExportJob } from '../engine/jobs/export-job';
import { describeJobError } from '../engine/jobs/job-errors';
import { runRestoreJob } from '../engine/jobs/restore-job';
import { matchSnapshotPrefix } from '../engine/plakar/snapshot-prefix';
import type { PlakarStore } from '../engine/plakar/store';
import type { CliIo } from './cli-io';
import { CliError, cliDataDir, EXIT_USAGE, notionApiVersionOf } from './cli-io';
import { openStore } from './store';
import { formatDuration } from './format';

export async function resolveSnapshot(store: PlakarStore, input: string): Promise<string> {
  let entries;
  try {
    entries = await store.listSnapshots();
  } catch (error) {
    throw new CliError(describeJobError(error).message);
  }
  const match = matchSnapshotPrefix(entries, input);
  if (match.kind !== 'found') throw new CliError(match.message);
  return match.entry.id;
}

interface RestoreCommandOptions {
  store: string;
  toNotion: string;
  page?: string[];
  dryRun?: boolean;
  json?: boolean;
  rate?: number;
}

export async function runRestoreCommand(io: CliIo, snapshot: string, options: RestoreCommandOptions): Promise<void> {
  const token = io.env.NOTION_TOKEN?.trim();
  if (!token) throw new CliError('Set NOTION_TOKEN to your Notion integration secret or personal access token.', EXIT_USAGE);
  const store = openStore(io, options.store);
  const snapshotId = await resolveSnapshot(store, snapshot);
  let result;
  try {
    result = await runRestoreJob({
      token,
      notionApiUrl: io.env.NOTION_API_URL,
      notionApiVersion: notionApiVersionOf(io.env),
      requestsPerSecond: options.rate,
      store,
      snapshotId,
      targetPageId: options.toNotion,
      selection: options.page ?? [],
      dryRun: options.dryRun ?? false,
      workDir: cliDataDir(io.env),
      signal: io.signal,
    });
  } catch (error) {
    throw new CliError(describeJobError(error, 'restore').message);
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        created: result.created,
        apiCalls: result.requests,
        durationMs: result.durationMs,
        rootUrl: result.rootUrl,
        losses: result.losses,
        resumed: result.resumed,
        warnings: result.warnings,
        ...(result.dryRun ? { dryRun: true, estimatedSeconds: result.estimatedSeconds } : {}),
      })}\n`,
    );
    return;
  }
  const created = result.created;
  const what =
    `${created.pages} pages, ${created.databases} databases, ${created.rows} rows, ${created.blocks} blocks, ` +
    `${created.files} files, ${created.comments} comments, ${created.views} views`;
  const lines = result.dryRun
    ? [`Dry run: would create ${what}`, `  about ${result.requests} requests, ${formatDuration(result.estimatedSeconds * 1000)} at the rate limit`]
    : [`Restored ${what}${result.resumed ? ' (resumed)' : ''}`, ...(result.rootUrl ? [`  ${result.rootUrl}`] : [])];
  const losses = summariseLosses(result.losses);
  const warnings = result.warnings.map((warning) => `  warning: ${warning}`);
  io.stdout(`${[...lines, ...warnings, ...losses.map((line) => `  not restored as is: ${line}`), ''].join('\n')}`);
}

function summariseLosses(losses: Array<{ kind: string; detail: string }>): string[] {
  const counts = new Map<string, number>();
  for (const loss of losses) counts.set(loss.detail, (counts.get(loss.detail) ?? 0) + 1);
  return [...counts].map(([detail, count]) => (count > 1 ? `${detail} (×${count})` : detail));
}

interface ExportCommandOptions {
  store: string;
  toDir: string;
  format: 'markdown' | 'html' | 'json';
  page?: string[];
  merge?: boolean;
}

export async function runExportCommand(io: CliIo, snapshot: string, options: ExportCommandOptions): Promise<void> {
  const store = openStore(io, options.store);
  const snapshotId = await resolveSnapshot(store, snapshot);
  try {
    const result = await runExportJob({
      store,
      snapshotId,
      targetDir: path.resolve(options.toDir),
      format: options.format,
      selection: options.page ?? [],
      merge: options.merge ?? false,
      workDir: cliDataDir(io.env),
      signal: io.signal,
    });
    io.stdout(`Exported ${result.pages} pages, ${result.databases} databases and ${result.files} files to ${result.targetDir}\n`);
    for (const warning of result.warnings) io.stdout(`  warning: ${warning}\n`);
  } catch (error) {
    if (error instanceof ExportTargetNotEmptyError) {
      throw new CliError(`The folder ${error.targetDir} already contains files; choose an empty folder, or pass --merge to write into it (nothing is deleted).`);
    }
    throw new CliError(describeJobError(error, 'export').message);
  }
}
