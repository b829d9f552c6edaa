import { useRef, useState } from 'react';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import type { BackupProgress } from '../../shared/jobs';
import { useMainEvent } from './use-main';

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
 * Follows every backup's progress and end from main's events. Events may arrive before startBackup has
 * answered with the job id, so they are kept by job id; `adopt` is told about each job seen, with the
 * ids of the backups that have finished, and decides whether it becomes the current one.
 */
export function useJobEvents(currentId: string | null, adopt: (jobId: string, finished: ReadonlySet<string>) => void) {
  const [jobs, setJobs] = useState<Readonly<Record<string, JobView>>>({});
  const [lastOutcome, setLastOutcome] = useState<LastOutcome | null>(null);
  const finished = useRef(new Set<string>());

  useMainEvent('jobProgress', (event) => {
    // Restores and exports have screens of their own.
    if (event.kind !== 'backup') return;
    const { jobId, progress } = event;
    setJobs((current) => ({ ...current, [jobId]: { jobId, progress, outcome: current[jobId]?.outcome ?? null } }));
    adopt(jobId, finished.current);
  });
  useMainEvent('jobFinished', ({ jobId, kind, outcome }) => {
    if (kind !== 'backup') return;
    setJobs((current) => ({ ...current, [jobId]: { jobId, progress: current[jobId]?.progress ?? null, outcome } }));
    setLastOutcome({ jobId, outcome, at: Date.now() });
    finished.current.add(jobId);
    adopt(jobId, finished.current);
  });

  return { job: currentId ? (jobs[currentId] ?? { jobId: currentId, progress: null, outcome: null }) : null, lastOutcome };
}
