import type { UserObjectResponse } from '@notionhq/client';
import { isFullPage } from '@notionhq/client';
import path from 'node:path';
import type { NotionGateway } from '../notion/gateway';
import { gatewayForJob } from '../notion/gateway';
import type { RetryPolicy } from '../notion/retry';
import { isUnreadable } from '../notion/retry';
import { pageTitle } from '../notion/crawler/notion-objects';
import { checkNotionTokenThrough, isTransientTokenProblem } from '../notion/token-check';
import type { PlakarStore } from '../plakar/store';
import type { SnapshotReader } from '../snapshot/reader';
import { openSnapshotForJob } from './open-snapshot';
import { RestoreJournal } from '../restore/journal';
import { dryRunWriter, liveWriter } from '../restore/notion-writer';
import type { RestoreSummary } from '../restore/restorer';
import { restoreSnapshot } from '../restore/restorer';
import type { RestoreCounts } from '../restore/run';
import { FileUploader, PlannedUploads } from '../restore/uploads';
import { NotionAccessError } from './backup-job';
import { lockStoreForJob } from './leftover-backup';
import { createStaging } from './staging';
import { NOTION_REQUEST_RATE } from '../../../shared/notion-rate';
import type { NotionApiVersion } from '../notion/client';
import { removeTree } from '../fs/remove-tree';

export interface RestoreJobOptions {
  token: string;
  notionApiUrl?: string | undefined;
  /** The Notion API version every request is pinned to (default: NOTION_API_VERSION). */
  notionApiVersion?: NotionApiVersion | undefined;
  requestsPerSecond?: number;
  burst?: number;
  retryPolicy?: RetryPolicy;
  store: PlakarStore;
  /** Full 64-hex snapshot id. */
  snapshotId: string;
  /** The existing Notion page to restore under (dashed id). */
  targetPageId: string;
  selection?: string[];
  dryRun?: boolean;
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (counts: RestoreCounts) => void;
}

export interface RestoreJobResult extends RestoreSummary {
  dryRun: boolean;
  durationMs: number;
  /** For a dry run: the time the requests take at the rate limit. */
  estimatedSeconds: number;
  rootUrl: string | null;
  /** The target page's title as Notion has it now (with its emoji), for the logs. */
  targetTitle: string | null;
  /** What the user should know besides the losses (e.g. a journal that was not reused, and why). */
  warnings: string[];
}

/** The target page is missing or not shared with the integration. */
export class RestoreTargetError extends Error {
  override readonly name = 'RestoreTargetError';
}

/**
 * Restores a snapshot (or some of its pages) under an existing Notion page. The snapshot is read from
 * a private copy restored by plakar; a journal in the data dir makes an interrupted restore resumable.
 */
export async function runRestoreJob(options: RestoreJobOptions): Promise<RestoreJobResult> {
  const started = Date.now();
  // A leftover backup's verdict is kept in the store itself (its snapshot kept or removed).
  const { lease } = await lockStoreForJob(options.workDir, options.store, 'restore');
  const staging = await createStaging(options.workDir, 'restore');
  try {
    const rate = options.requestsPerSecond ?? NOTION_REQUEST_RATE.default;
    const gateway = gatewayForJob({
      token: options.token,
      baseUrl: options.notionApiUrl,
      apiVersion: options.notionApiVersion,
      requestsPerSecond: rate,
      burst: options.burst,
      policy: options.retryPolicy,
      signal: options.signal,
    });
    const check = await checkNotionTokenThrough(gateway, { token: options.token, baseUrl: options.notionApiUrl });
    if (check.status !== 'valid') throw new NotionAccessError(check.message, isTransientTokenProblem(check.problem));
    const targetTitle = await checkTarget(gateway, options.targetPageId);

    const reader = await openSnapshotForJob(options.store, options.snapshotId, path.join(staging, 'snapshot'), options.selection, options.signal);
    const userMap = await mapUsers(gateway, reader);
    const selection = options.selection ?? [];
    const dryRun = options.dryRun ?? false;
    // A dry run keeps its journal in staging and leaves a real one (and its identity check) alone.
    const journal = await RestoreJournal.open(dryRun ? path.join(staging, 'dry-run') : path.join(options.workDir, 'restores'), {
      workspaceId: check.workspaceId,
      workspaceName: check.workspaceName,
      snapshotId: options.snapshotId,
      target: options.targetPageId,
      selection,
    });
    const planned = new PlannedUploads(reader, check.maxFileUploadBytes);
    const writer = dryRun ? dryRunWriter() : liveWriter(gateway);
    const summary = await restoreSnapshot({
      reader,
      writer,
      journal,
      uploader: dryRun ? planned : new FileUploader(gateway, reader, check.maxFileUploadBytes),
      userMap,
      targetPageId: options.targetPageId,
      selection,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    if (!dryRun) await journal.discard();
    const requests = summary.requests + (dryRun ? planned.requests : 0);
    return {
      ...summary,
      requests,
      dryRun,
      durationMs: Date.now() - started,
      estimatedSeconds: Math.ceil(requests / rate),
      rootUrl: summary.roots.length === 1 ? (summary.roots[0]?.url ?? null) : null,
      targetTitle,
      warnings: journal.warning ? [journal.warning] : [],
    };
  } finally {
    await removeTree(staging);
    await lease.release();
  }
}

/** Checks that the target page is there and shared; returns its title with its emoji (null if not a full page). */
async function checkTarget(gateway: NotionGateway, pageId: string): Promise<string | null> {
  try {
    const page = await gateway.call('pages.retrieve', (client) => client.pages.retrieve({ page_id: pageId }));
    if (!isFullPage(page)) return null;
    const emoji = page.icon?.type === 'emoji' ? `${page.icon.emoji} ` : '';
    return `${emoji}${pageTitle(page)}`;
  } catch (error) {
    if (isUnreadable(error)) {
      throw new RestoreTargetError(
        'The target page was not found. In Notion, open the page you want to restore into, choose ••• → Connections, ' +
          'and add this integration; then try again.',
      );
    }
    throw error;
  }
}

/** Snapshot users matched to target-workspace users by email (restore cannot create users). */
async function mapUsers(gateway: NotionGateway, reader: SnapshotReader): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  let target: UserObjectResponse[];
  try {
    target = await gateway.collect('users.list', (client, cursor) => client.users.list({ start_cursor: cursor, page_size: 100 }));
  } catch {
    return map; // the token cannot list users: people become text
  }
  const emailOf = (user: UserObjectResponse): string | undefined => ('person' in user ? user.person?.email : undefined);
  const byEmail = new Map(target.filter((user) => emailOf(user)).map((user) => [emailOf(user)?.toLowerCase() ?? '', user.id]));
  for (const user of await reader.users()) {
    const email = emailOf(user)?.toLowerCase();
    const match = email ? byEmail.get(email) : undefined;
    if (match) map.set(user.id, match);
  }
  return map;
}
