// Runs one crawl in its own process so its peak memory (maxRSS) is measured apart from the emulator.
// Input: a JSON job on argv[2]; output: one JSON line on stdout.
import { limitHeapGrowth } from '../electron/engine/heap-growth';
import { createNotionClient } from '../electron/engine/notion/client';
import { crawlWorkspace } from '../electron/engine/notion/crawler';
import { PreviousSnapshot } from '../electron/engine/notion/crawler/previous-snapshot';
import { RateLimiter } from '../electron/engine/notion/rate-limiter';

interface CrawlJob {
  url: string;
  token: string;
  outputDir: string;
  previousDir?: string;
  /** Resumable crawl: where checkpoint.jsonl lives, and when the interrupted crawl started (to resume it). */
  checkpointDir?: string;
  resumeSince?: string;
  requestsPerSecond: number;
  burst: number;
  concurrency: number;
}

// As the CLI and the app run jobs (electron/engine/heap-growth.ts).
limitHeapGrowth();
const job = JSON.parse(process.argv[2] ?? '{}') as CrawlJob;
const previous = job.previousDir ? await PreviousSnapshot.load(job.previousDir, 'b'.repeat(64)) : undefined;
const started = Date.now();
const result = await crawlWorkspace({
  client: createNotionClient({ token: job.token, baseUrl: job.url }),
  limiter: new RateLimiter({ requestsPerSecond: job.requestsPerSecond, burst: job.burst }),
  outputDir: job.outputDir,
  comments: 'pages',
  previous,
  checkpoint: job.checkpointDir ? { dir: job.checkpointDir, resumeSince: job.resumeSince } : undefined,
  concurrency: job.concurrency,
  appVersion: 'bench',
  sourceKey: 'bench',
  workspace: { id: null, name: null },
});
process.stdout.write(
  `${JSON.stringify({
    wallMs: Date.now() - started,
    apiCalls: result.apiCalls,
    callsByLabel: result.callsByLabel,
    counts: result.counts,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
