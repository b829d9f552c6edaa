import type { BackupPhase, BackupProgress } from '../../../shared/jobs';
import { startingBackupProgress } from '../../../shared/jobs';
import type { CrawlProgress } from '../notion/crawler';
import { EtaEstimator } from './eta';

const PROGRESS_INTERVAL_MS = 200;

/** Turns crawl progress into throttled BackupProgress events with an ETA. */
export class ProgressReporter {
  private current: BackupProgress;
  private lastEmit = 0;
  private readonly eta = new EtaEstimator();

  constructor(
    private readonly started: number,
    private readonly emit: ((progress: BackupProgress) => void) | undefined,
  ) {
    this.current = startingBackupProgress();
  }

  phase(phase: BackupPhase): void {
    this.current = { ...this.current, phase, etaMs: phase === 'finished' ? 0 : this.current.etaMs };
    this.send(true);
  }

  setMode(mode: 'full' | 'incremental'): void {
    this.current = { ...this.current, mode };
  }

  crawl(progress: CrawlProgress): void {
    const done = progress.counts.pages + progress.counts.rows;
    const now = Date.now();
    this.current = {
      ...this.current,
      pages: { done, known: progress.knownPages },
      rows: progress.counts.rows,
      databases: progress.counts.databases,
      blocks: progress.counts.blocks,
      files: progress.counts.files,
      bytes: progress.counts.fileBytes,
      comments: progress.counts.comments,
      reusedPages: progress.counts.reusedPages,
      resumedPages: progress.resumedPages,
      apiCalls: progress.apiCalls,
      retries: progress.retries,
      rateLimited: progress.rateLimited,
      rateLimitWaitMs: progress.rateLimitWaitMs,
      etaMs: this.eta.update(now, done, progress.knownPages),
    };
    this.send(false);
  }

  private send(force: boolean): void {
    if (!this.emit) return;
    const now = Date.now();
    if (!force && now - this.lastEmit < PROGRESS_INTERVAL_MS) return;
    this.lastEmit = now;
    this.emit({ ...this.current, elapsedMs: now - this.started });
  }
}
