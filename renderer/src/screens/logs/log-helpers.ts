import type { ResultOf } from '../../../../shared/ipc/contract';
import { strings } from '../../strings';
import { formatDateTime } from '../../format-date';

const l = strings.logs;
type JobRecord = ResultOf<'listJobHistory'>['jobs'][number];

/** Milliseconds between two ISO times; null when either is not a date or the end is before the start. */
export function durationMs(startedAt: string, finishedAt: string): number | null {
  const start = Date.parse(startedAt);
  const end = Date.parse(finishedAt);
  if (Number.isNaN(start) || Number.isNaN(end) || end < start) return null;
  return end - start;
}

/** The whole log as one text to copy, with a first line saying which job it is. */
export function logText(job: { kind: string; jobId: string; startedAt: string; log: readonly string[] }): string {
  return [`${job.kind} ${job.jobId} (${job.startedAt})`, ...job.log].join('\n');
}

/** A dry run of a restore: from its record, or, for records older than `subject`, from its result. */
export function isDryRun(job: Pick<JobRecord, 'subject' | 'outcome'>): boolean {
  if (job.subject) return job.subject.dryRun;
  return job.outcome.status === 'succeeded' && job.outcome.restore?.dryRun === true;
}

/** What a restore or export worked on, in words; null for other jobs and for older records. */
export function subjectLabels(subject: JobRecord['subject']): { snapshot: string; target: string } | null {
  if (!subject) return null;
  const date = subject.snapshotTime ? formatDateTime(subject.snapshotTime) : null;
  const target = subject.target;
  return {
    snapshot: l.snapshot(subject.snapshotId.slice(0, 12), date),
    target: target.kind === 'notion' ? l.notionTarget(target.title, target.pageId) : l.folderTarget(target.dir, strings.restore.plan.formats[target.format]),
  };
}
