/**
 * A rich workspace in the emulator, crawled once into a snapshot, and helpers to restore that snapshot
 * into new target pages and crawl the result back (shared by the restore tests).
 */
import { expect } from 'vitest';
import { createNotionClient } from '../../electron/engine/notion/client';
import { NotionGateway } from '../../electron/engine/notion/gateway';
import { RateLimiter } from '../../electron/engine/notion/rate-limiter';
import { RestoreJournal } from '../../electron/engine/restore/journal';
import type { NotionWriter } from '../../electron/engine/restore/notion-writer';
import { dryRunWriter, liveWriter } from '../../electron/engine/restore/notion-writer';
import type { RestoreSummary } from '../../electron/engine/restore/restorer';
import { restoreSnapshot } from '../../electron/engine/restore/restorer';
import { FileUploader, PlannedUploads } from '../../electron/engine/restore/uploads';
import { directorySource, SnapshotReader } from '../../electron/engine/snapshot/reader';
import type { RunningEmulator, WorkspaceFixture } from '../notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../notion-emulator';
import { stableId } from '../notion-emulator/ids';
import { crawlEmulator, removeAll, scratchDir, TEST_RETRY_POLICY } from './crawl';
import { compareRestore } from './round-trip';

export interface RestoreOptions {
  journalDir?: string;
  signal?: AbortSignal;
  selection?: string[];
  /** Restore into another emulator (another workspace) than the one the snapshot came from. */
  into?: RunningEmulator;
  /** Old user id → user id in the target workspace (default: the same ids). */
  userMap?: ReadonlyMap<string, string>;
  dryRun?: boolean;
  /** Wraps the writer (to count or fail requests). */
  wrapWriter?: (writer: NotionWriter) => NotionWriter;
  /** Another snapshot than the one crawled at start (e.g. after the test changed the workspace). */
  reader?: SnapshotReader;
}

export class RestoreHarness {
  private readonly cleanup: string[] = [];

  private constructor(
    readonly emulator: RunningEmulator,
    readonly reader: SnapshotReader,
  ) {}

  static async start(workspace?: WorkspaceFixture): Promise<RestoreHarness> {
    const emulator = await startNotionEmulator({ rateLimit: false, ...(workspace ? { workspace } : {}) });
    const crawl = await crawlEmulator(emulator);
    const harness = new RestoreHarness(emulator, await SnapshotReader.open(directorySource(crawl.dir)));
    harness.cleanup.push(crawl.dir);
    return harness;
  }

  async close(): Promise<void> {
    await this.emulator.close();
    await removeAll(...this.cleanup);
  }

  gateway(emulator: RunningEmulator = this.emulator, signal?: AbortSignal): NotionGateway {
    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url, timeoutMs: 2_000 });
    return new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 }), { policy: TEST_RETRY_POLICY, signal });
  }

  /** A new, empty page under a workspace's Home (the rich workspace's by default) to restore into. */
  async newTarget(title: string, emulator: RunningEmulator = this.emulator, homeId: string = richWorkspaceFacts.ids.home): Promise<string> {
    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
    const page = await client.pages.create({
      parent: { page_id: homeId },
      properties: { title: { title: [{ text: { content: title } }] } },
    });
    return page.id;
  }

  async journalDir(): Promise<string> {
    const dir = await scratchDir('journal-');
    this.cleanup.push(dir);
    return dir;
  }

  async restore(target: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
    const emulator = options.into ?? this.emulator;
    const reader = options.reader ?? this.reader;
    const selection = options.selection ?? [];
    const journal = await RestoreJournal.open(options.journalDir ?? (await this.journalDir()), {
      workspaceId: options.into ? null : richWorkspaceFacts.workspaceId,
      snapshotId: 'test',
      target,
      selection,
    });
    const notion = this.gateway(emulator, options.signal);
    const writer = options.dryRun ? dryRunWriter() : liveWriter(notion);
    const planned = options.dryRun ? new PlannedUploads(reader, null) : undefined;
    const summary = await restoreSnapshot({
      reader: reader,
      writer: options.wrapWriter ? options.wrapWriter(writer) : writer,
      journal,
      uploader: planned ?? new FileUploader(notion, reader, null),
      userMap: options.userMap ?? new Map((await reader.users()).map((user) => [user.id, user.id])),
      targetPageId: target,
      selection,
      signal: options.signal,
    });
    // As the restore job does: a dry run's estimate includes the uploads it planned.
    return planned ? { ...summary, requests: summary.requests + planned.requests } : summary;
  }

  /** A new crawl of a workspace (or of `roots`), e.g. after the test changed it. */
  async crawl(roots?: string[], emulator: RunningEmulator = this.emulator): Promise<SnapshotReader> {
    const crawl = await crawlEmulator(emulator, { roots });
    this.cleanup.push(crawl.dir);
    return SnapshotReader.open(directorySource(crawl.dir));
  }

  /** A crawl of what was restored under `target`. */
  async crawlRestored(target: string, emulator: RunningEmulator = this.emulator): Promise<SnapshotReader> {
    return this.crawl([target], emulator);
  }

  /**
   * The restored tree equals the original, with exactly one copy of everything: as many pages, rows,
   * databases, blocks and comments as the snapshot (a duplicate shows up in the counts or in a page's
   * content), and every aspect of compareRestore matching.
   */
  async expectFaithful(target: string, emulator: RunningEmulator = this.emulator): Promise<void> {
    const restored = await this.crawlRestored(target, emulator);
    for (const score of await compareRestore(this.reader, restored, target)) expect(score.differences, score.aspect).toEqual([]);
    const entries = restored.index().filter((entry) => entry.id !== target);
    expect(entries.length, 'pages, rows and databases').toBe(this.reader.index().length);
    expect(restored.manifest?.counts.comments, 'comments').toBe(this.reader.manifest?.counts.comments);
  }

  /** Writes the emulator has answered so far (every route but GET). */
  writesSoFar(emulator: RunningEmulator = this.emulator): number {
    return Object.entries(emulator.admin.requestCounts().byRoute)
      .filter(([route]) => !route.startsWith('GET'))
      .reduce((sum, [, counts]) => sum + counts.total, 0);
  }
}

/** The same workspace with every id replaced (another workspace with the same people and content). */
export function withOtherIds(fixture: WorkspaceFixture, salt: string): { workspace: WorkspaceFixture; idFor: (oldId: string) => string } {
  const idFor = (oldId: string): string => stableId(`${salt}:${oldId}`);
  const text = JSON.stringify(fixture).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, idFor);
  return { workspace: JSON.parse(text) as WorkspaceFixture, idFor };
}
