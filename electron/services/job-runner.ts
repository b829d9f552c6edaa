import { randomUUID } from 'node:crypto';

export type JobKind = 'backup' | 'restore' | 'export';

export interface RunningJob {
  jobId: string;
  kind: JobKind;
}

/**
 * The app runs one job at a time (a backup and a restore on the same store would compete for it and
 * for the Notion rate limit). Each job gets an AbortSignal for its Cancel button.
 */
export class JobRunner {
  private current: (RunningJob & { controller: AbortController }) | undefined;

  private readonly startListeners: Array<(job: RunningJob) => void> = [];

  onStarted(listener: (job: RunningJob) => void): void {
    this.startListeners.push(listener);
  }

  running(): RunningJob | null {
    return this.current ? { jobId: this.current.jobId, kind: this.current.kind } : null;
  }

  /** Starts `work` in the background; undefined when another job is running. */
  start(kind: JobKind, work: (jobId: string, signal: AbortSignal) => Promise<void>): string | undefined {
    if (this.current) return undefined;
    const jobId = randomUUID();
    const controller = new AbortController();
    this.current = { jobId, kind, controller };
    for (const listener of this.startListeners) listener({ jobId, kind });
    void work(jobId, controller.signal).finally(() => {
      if (this.current?.jobId === jobId) this.current = undefined;
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    if (this.current?.jobId !== jobId) return false;
    this.current.controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    return true;
  }
}
