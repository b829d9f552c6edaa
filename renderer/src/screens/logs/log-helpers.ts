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
