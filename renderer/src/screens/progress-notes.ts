import type { BackupProgress } from '../../../shared/jobs';
import { strings } from '../strings';

/**
 * What a running backup met on the way, said calmly: waiting for Notion's rate limit is normal, and a
 * request retried after a temporary error succeeded in the end. The gateway counts every retry,
 * rate-limit waits included, so those are taken out of the retries.
 */
export function backupNotes(progress: BackupProgress | null | undefined): string[] {
  if (!progress) return [];
  const notes: string[] = [];
  if (progress.rateLimited > 0) notes.push(strings.progress.rateLimitedNote(progress.rateLimited, strings.format.duration(progress.rateLimitWaitMs)));
  const retriedAfterErrors = progress.retries - progress.rateLimited;
  if (retriedAfterErrors > 0) notes.push(strings.progress.retriesNote(retriedAfterErrors));
  return notes;
}
