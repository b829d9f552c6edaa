// Runs one whole backup job (crawl + real plakar) in its own process, so its memory and its disk
// I/O are measured apart from the emulator. Linux adds the I/O of reaped children (plakar) to the
// parent's /proc/self/io; plakar's `cached` helper daemon is not a reaped child and is not counted.
// Input: a JSON job on argv[2]; output: one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import type { PerformanceEntry } from 'node:perf_hooks';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { limitHeapGrowth } from '../electron/engine/heap-growth';
import { runBackupJob } from '../electron/engine/jobs/backup-job';
import { plakarDirsUnder } from '../electron/engine/plakar/process';
import { PlakarStore } from '../electron/engine/plakar/store';

interface BackupJob {
  url: string;
  token: string;
  plakar: string;
  store: string;
  passphrase: string;
  workDir: string;
  full?: boolean;
}

function io(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync('/proc/self/io', 'utf8').split('\n')) {
    const [key, value] = line.split(':');
    if (key && value) out[key.trim()] = Number(value.trim());
  }
  return out;
}

// As the CLI and the app run jobs (electron/engine/heap-growth.ts).
limitHeapGrowth();
const job = JSON.parse(process.argv[2] ?? '{}') as BackupJob;
const store = new PlakarStore({ bin: job.plakar, dirs: plakarDirsUnder(`${job.workDir}/plakar`), location: job.store, passphrase: job.passphrase });
const phases: Record<string, number> = {};
let phase = 'start';
let phaseStart = Date.now();
const started = Date.now();
// Where the peak comes from: the process's memory split at its highest RSS, sampled every 100 ms.
let peakMemory = process.memoryUsage();
let peakPhase = phase;
const memorySampler = setInterval(() => {
  const memory = process.memoryUsage();
  if (memory.rss > peakMemory.rss) {
    peakMemory = memory;
    peakPhase = phase;
  }
}, 100);
/**
 * To find what a peak is made of (not used by the report): BENCH_HEAP_SNAPSHOT=<file> writes one heap
 * snapshot, for Chrome's DevTools, the first time a full collection leaves more than BENCH_HEAP_AT
 * bytes (50 MB) in use, in the phase BENCH_HEAP_PHASE if given. It pauses the process and inflates
 * its RSS: the run's memory figures are then not valid.
 */
let snapped = false;
function snapshotHeapOnce(used: number): void {
  const file = process.env.BENCH_HEAP_SNAPSHOT;
  if (!file || snapped || used <= Number(process.env.BENCH_HEAP_AT ?? 50e6)) return;
  if (process.env.BENCH_HEAP_PHASE && phase !== process.env.BENCH_HEAP_PHASE) return;
  snapped = true;
  // One file per run: the full and the incremental backup children each write their own.
  const named = file.replace(/(\.heapsnapshot)?$/, `-${job.full ? 'full' : 'incremental'}.heapsnapshot`);
  process.stderr.write(`heap snapshot ${writeHeapSnapshot(named)}: ${used} bytes in use while ${phase}\n`);
}

// What is still in use: the heap right after each full collection, at its highest, and when.
let liveAfterMajorGc = 0;
let livePhase = phase;
const gcObserver = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind !== constants.NODE_PERFORMANCE_GC_MAJOR) continue;
    const used = process.memoryUsage().heapUsed;
    snapshotHeapOnce(used);
    if (used > liveAfterMajorGc) {
      liveAfterMajorGc = used;
      livePhase = phase;
    }
  }
});
gcObserver.observe({ entryTypes: ['gc'] });
const result = await runBackupJob({
  token: job.token,
  notionApiUrl: job.url,
  requestsPerSecond: 5000,
  burst: 100,
  concurrency: 16,
  store,
  workDir: job.workDir,
  full: job.full ?? false,
  appVersion: 'bench',
  onProgress: (progress) => {
    if (progress.phase === phase) return;
    phases[phase] = (phases[phase] ?? 0) + Date.now() - phaseStart;
    phase = progress.phase;
    phaseStart = Date.now();
    // For a parent that samples this process (bench/scale.ts): which phase its samples belong to.
    process.stderr.write(`phase:${phase}\n`);
  },
});
phases[phase] = (phases[phase] ?? 0) + Date.now() - phaseStart;
clearInterval(memorySampler);
gcObserver.disconnect();
const counters = io();
process.stdout.write(
  `${JSON.stringify({
    wallMs: Date.now() - started,
    phases,
    mode: result.mode,
    apiCalls: result.crawl.apiCalls,
    counts: result.crawl.counts,
    storeBytesWritten: result.storeBytesWritten,
    textIndexMs: result.textIndex?.ms ?? null,
    textIndexAddedMs: result.textIndex?.addedMs ?? null,
    io: { rchar: counters.rchar, wchar: counters.wchar, readBytes: counters.read_bytes, writeBytes: counters.write_bytes },
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    peakMemory: { phase: peakPhase, rss: peakMemory.rss, heapTotal: peakMemory.heapTotal, heapUsed: peakMemory.heapUsed, external: peakMemory.external, arrayBuffers: peakMemory.arrayBuffers, liveAfterMajorGc, livePhase },
  })}\n`,
);
