import { useEffect, useState } from 'react';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import type { BackupProgress } from '../../shared/jobs';
import { getBackupApp } from './bridge';

export type JobOutcome = JobFinishedEvent['outcome'];

export interface JobView {
  jobId: string;
  progress: BackupProgress | null;
  outcome: JobOutcome | null;
}

export interface LastOutcome {
  jobId: string;
  outcome: JobOutcome;
  at: number;
}

/**
 * Follows every job's progress and end from main's events. Events may arrive before startBackup has
 * answered with the job id, so they are kept by job id and the current job adopts the first one seen.
 */
export function useJobEvents(currentId: string | null, adopt: (jobId: string) => void) {
  const [jobs, setJobs] = useState<Readonly<Record<string, JobView>>>({});
  const [lastOutcome, setLastOutcome] = useState<LastOutcome | null>(null);

  useEffect(() => {
    const app = getBackupApp();
    const offProgress = app.on('jobProgress', (event) => {
      // Restores and exports have screens of their own.
      if (event.kind !== 'backup') return;
      const { jobId, progress } = event;
      setJobs((current) => ({ ...current, [jobId]: { jobId, progress, outcome: current[jobId]?.outcome ?? null } }));
      adopt(jobId);
    });
    const offFinished = app.on('jobFinished', ({ jobId, kind, outcome }) => {
      if (kind !== 'backup') return;
      setJobs((current) => ({ ...current, [jobId]: { jobId, progress: current[jobId]?.progress ?? null, outcome } }));
      setLastOutcome({ jobId, outcome, at: Date.now() });
      adopt(jobId);
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [adopt]);

  return { job: currentId ? (jobs[currentId] ?? { jobId: currentId, progress: null, outcome: null }) : null, lastOutcome };
}
