import { randomUUID } from 'node:crypto';
import type { JobKind } from '../../../shared/ipc/app-schemas';
import type { JobTrigger } from '../../../shared/schedule';

export type { JobKind };

export interface RunningJob {
  jobId: string;
  kind: JobKind;
}

export interface StartedJob extends RunningJob {
  trigger: JobTrigger;
}

/**
 * The app runs one job at a time (a backup and a restore on the same store would compete for it and
 * for the Notion rate limit). Each job gets an AbortSignal for its Cancel button.
 */
export class JobRunner {
  private current: (RunningJob & { controller: AbortController }) | undefined;

  private readonly startListeners: Array<(job: StartedJob) => void> = [];
  private readonly endListeners: Array<(job: RunningJob) => void> = [];

  onStarted(listener: (job: StartedJob) => void): void {
    this.startListeners.push(listener);
  }

  /** Called once the job's work has settled (after its jobFinished event). */
  onEnded(listener: (job: RunningJob) => void): void {
    this.endListeners.push(listener);
  }

  running(): RunningJob | null {
    return this.current ? { jobId: this.current.jobId, kind: this.current.kind } : null;
  }

  /** Starts `work` in the background; undefined when another job is running. */
  start(kind: JobKind, work: (jobId: string, signal: AbortSignal) => Promise<void>, trigger: JobTrigger = 'manual'): string | undefined {
    if (this.current) return undefined;
    const jobId = randomUUID();
    const controller = new AbortController();
    this.current = { jobId, kind, controller };
    for (const listener of this.startListeners) listener({ jobId, kind, trigger });
    void work(jobId, controller.signal).finally(() => {
      if (this.current?.jobId === jobId) this.current = undefined;
      for (const listener of this.endListeners) listener({ jobId, kind });
    });
    return jobId;
  }

  cancel(jobId: string): boolean {
    if (this.current?.jobId !== jobId) return false;
    this.current.controller.abort(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    return true;
  }
}
