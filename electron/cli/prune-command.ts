import type { RetentionPolicy } from '../../shared/schedule';
import { sourceKey } from '../engine/jobs/backup-plan';
import { describeJobError } from '../engine/jobs/job-errors';
import { gatewayForJob } from '../engine/notion/gateway';
import { checkNotionTokenThrough } from '../engine/notion/token-check';
import { pruneSnapshots } from '../engine/schedule/prune';
import { planRetention } from '../engine/schedule/retention';
import type { CliIo } from './cli-io';
import { CliError, cliDataDir, EXIT_USAGE, notionApiVersionOf } from './cli-io';
import { openStore } from './store';

export interface PruneCommandOptions {
  store: string;
  root?: string[];
  /** The source key shown by `snapshots` (instead of NOTION_TOKEN and --root). */
  source?: string;
  keepLast: number;
  keepDaily: number;
  keepWeekly: number;
  keepMonthly: number;
  apply?: boolean;
  json?: boolean;
}

/** Which source's snapshots: given, or computed like `backup` does from the token's workspace and the roots. */
async function resolveSource(io: CliIo, options: PruneCommandOptions): Promise<string> {
  if (options.source) {
    if (!/^[0-9a-f]{16}$/.test(options.source)) throw new CliError('--source expects the 16-character key shown by `snapshots`.', EXIT_USAGE);
    return options.source;
  }
  const token = io.env.NOTION_TOKEN?.trim();
  if (!token) throw new CliError('Set NOTION_TOKEN (to know which workspace the snapshots are of), or pass --source <key> from `snapshots`.', EXIT_USAGE);
  // Retried like a backup's own check: a busy Notion is not a refused token.
  const notion = gatewayForJob({ token, baseUrl: io.env.NOTION_API_URL, apiVersion: notionApiVersionOf(io.env), signal: io.signal });
  const check = await checkNotionTokenThrough(notion, { token, baseUrl: io.env.NOTION_API_URL });
  if (check.status !== 'valid') throw new CliError(check.message);
  return sourceKey(check.workspaceId, options.root ?? []);
}

/**
 * Retention from the command line: a preview by default, `--apply` to remove. Like the app, it only
 * ever considers this tool's snapshots of one source, and removes by full id.
 */
export async function runPruneCommand(io: CliIo, options: PruneCommandOptions): Promise<void> {
  if (options.keepLast < 1) throw new CliError('--keep-last must be at least 1: retention never empties a store.', EXIT_USAGE);
  const policy: RetentionPolicy = { last: options.keepLast, daily: options.keepDaily, weekly: options.keepWeekly, monthly: options.keepMonthly };
  const source = await resolveSource(io, options);
  const store = openStore(io, options.store);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  let plan;
  let removed: string[] = [];
  try {
    if (options.apply) {
      const result = await pruneSnapshots({ store, policy, source, timeZone, workDir: cliDataDir(io.env) });
      plan = result.plan;
      removed = result.removed.map((snapshot) => snapshot.id);
    } else {
      plan = planRetention(await store.listSnapshots(), policy, timeZone, source);
    }
  } catch (error) {
    throw new CliError(describeJobError(error, 'browse').message);
  }
  if (options.json) {
    io.stdout(
      `${JSON.stringify({
        source,
        applied: options.apply ?? false,
        keep: plan.keep.map(({ snapshot, reasons }) => ({ id: snapshot.id, time: snapshot.time, reasons })),
        remove: plan.remove.map((snapshot) => ({ id: snapshot.id, time: snapshot.time })),
        removed,
      })}\n`,
    );
    return;
  }
  for (const { snapshot, reasons } of plan.keep) io.stdout(`keep    ${snapshot.time}  ${snapshot.id}  (${reasons.join('; ')})\n`);
  for (const snapshot of plan.remove) io.stdout(`${options.apply ? 'removed' : 'remove '} ${snapshot.time}  ${snapshot.id}\n`);
  if (plan.keep.length === 0 && plan.remove.length === 0) io.stdout(`No snapshots of source ${source} made by notion-plakar.\n`);
  else if (!options.apply && plan.remove.length > 0) io.stdout(`Nothing was removed. Add --apply to remove ${plan.remove.length} snapshot${plan.remove.length === 1 ? '' : 's'}.\n`);
}
