import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { NotionApiVersion } from '../../electron/engine/notion/client';
import { createNotionClient } from '../../electron/engine/notion/client';
import type { CrawlOptions, CrawlResult } from '../../electron/engine/notion/crawler';
import { crawlWorkspace } from '../../electron/engine/notion/crawler';
import type { CommentScope } from '../../electron/engine/notion/crawler/context';
import { PreviousSnapshot } from '../../electron/engine/notion/crawler/previous-snapshot';
import { RateLimiter } from '../../electron/engine/notion/rate-limiter';
import type { RetryPolicy } from '../../electron/engine/notion/retry';
import { directorySource, SnapshotReader } from '../../electron/engine/snapshot/reader';
import type { RunningEmulator } from '../notion-emulator';
import { startNotionEmulator } from '../notion-emulator';

/** Fast retries for tests; the shape of the policy is what is under test, not its pauses. */
export const TEST_RETRY_POLICY: RetryPolicy = {
  maxTransientAttempts: 8,
  maxRateLimitedAttempts: 50,
  baseDelayMs: 5,
  maxDelayMs: 50,
  defaultRetryAfterMs: 100,
};

export interface TestCrawl {
  dir: string;
  result: CrawlResult;
}

export async function scratchDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function crawlEmulator(
  emulator: RunningEmulator,
  options: {
    token?: string;
    comments?: CommentScope;
    previousDir?: string;
    roots?: string[];
    requestsPerSecond?: number;
    concurrency?: number;
    apiVersion?: NotionApiVersion;
    /** Crawl into this folder (default: a new scratch folder). */
    outputDir?: string;
    checkpoint?: CrawlOptions['checkpoint'];
    signal?: AbortSignal;
    onProgress?: CrawlOptions['onProgress'];
  } = {},
): Promise<TestCrawl> {
  const dir = options.outputDir ?? (await scratchDir('crawl-'));
  const previous = options.previousDir ? await PreviousSnapshot.load(options.previousDir, 'p'.repeat(64)) : undefined;
  if (options.previousDir && !previous) throw new Error('previous snapshot could not be loaded');
  const result = await crawlWorkspace({
    client: createNotionClient({ token: options.token ?? emulator.tokens.full, baseUrl: emulator.url, timeoutMs: 2_000, apiVersion: options.apiVersion }),
    limiter: new RateLimiter({ requestsPerSecond: options.requestsPerSecond ?? 1000, burst: 50 }),
    outputDir: dir,
    roots: options.roots,
    comments: options.comments ?? 'all',
    previous,
    concurrency: options.concurrency ?? 8,
    retryPolicy: TEST_RETRY_POLICY,
    appVersion: 'test',
    apiVersion: options.apiVersion,
    checkpoint: options.checkpoint,
    signal: options.signal,
    onProgress: options.onProgress,
    sourceKey: 'test-source',
    workspace: { id: 'ws', name: 'Workspace' },
  });
  return { dir, result };
}

/** Every file of a tree (relative path → bytes), for byte-for-byte comparisons. */
export async function readTree(root: string, relative = ''): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const item of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${item.name}` : item.name;
    if (item.isDirectory()) for (const [name, bytes] of await readTree(root, child)) files.set(name, bytes);
    else files.set(child, await readFile(path.join(root, child)));
  }
  return files;
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, 'utf8')) as T;
}

export async function removeAll(...dirs: string[]): Promise<void> {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
}

/** A new scratch folder (named from `prefix`) for each test, given to `ready`, removed after the test. */
export function useScratchDir(prefix: string, ready: (dir: string) => void): void {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await scratchDir(prefix);
    ready(dir);
  });
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
}

/**
 * For a whole test file: an emulator, and a scratch folder (named from `prefix`) made new for each
 * test or once for the file; `ready` is told each time the scratch folder changes. Both are removed
 * at the end.
 */
export function useEmulatorAndScratch(
  prefix: string,
  ready: (setup: { emulator: RunningEmulator; scratch: string }) => void,
  scratchFor: 'each test' | 'the file' = 'each test',
): void {
  let emulator: RunningEmulator | undefined;
  let scratch: string | undefined;
  beforeAll(async () => {
    emulator = await startNotionEmulator({ rateLimit: false });
    if (scratchFor === 'the file') {
      scratch = await scratchDir(prefix);
      ready({ emulator, scratch });
    }
  });
  if (scratchFor === 'each test') useScratchDir(prefix, (dir) => emulator && ready({ emulator, scratch: dir }));
  afterAll(async () => {
    await emulator?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });
}

/**
 * For a whole test file: an emulator and a first crawl of it, made before the first test; after the
 * last, the emulator is closed and the crawl removed with every folder passed to `removeLater`.
 * With `resetAfterEach`, the emulator's workspace is reset after each test.
 */
export function useCrawledEmulator(
  ready: (setup: { emulator: RunningEmulator; crawl: TestCrawl }) => void,
  options: { resetAfterEach?: boolean } = {},
): { removeLater(dir: string): void } {
  let emulator: RunningEmulator | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    emulator = await startNotionEmulator({ rateLimit: false });
    const crawl = await crawlEmulator(emulator);
    dirs.push(crawl.dir);
    ready({ emulator, crawl });
  });
  if (options.resetAfterEach) afterEach(() => emulator?.admin.reset());
  afterAll(async () => {
    await emulator?.close();
    await removeAll(...dirs);
  });
  return { removeLater: (dir) => dirs.push(dir) };
}

/** The error a promise rejects with; fails the test if it resolves. */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

/** The rich fixture crawled once into a directory, with a reader over it; the emulator is closed again. */
export async function crawlRichSnapshot(): Promise<{ dir: string; reader: SnapshotReader }> {
  const emulator = await startNotionEmulator({ rateLimit: false });
  try {
    const { dir } = await crawlEmulator(emulator);
    return { dir, reader: await SnapshotReader.open(directorySource(dir)) };
  } finally {
    await emulator.close();
  }
}
