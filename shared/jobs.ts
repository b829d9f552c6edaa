import { z } from 'zod';

/** Progress of a backup job, emitted by the engine and shown by the app and the CLI (`--json`). */
export const BackupPhaseSchema = z.enum([
  'connecting',
  'checking-store',
  'restoring-previous',
  'crawling',
  'storing',
  'finished',
]);
export type BackupPhase = z.infer<typeof BackupPhaseSchema>;

const Counter = z.object({ done: z.number(), known: z.number().nullable() });

export const BackupProgressSchema = z.object({
  phase: BackupPhaseSchema,
  mode: z.enum(['full', 'incremental']).nullable(),
  pages: Counter,
  rows: z.number(),
  databases: z.number(),
  blocks: z.number(),
  files: z.number(),
  bytes: z.number(),
  comments: z.number(),
  reusedPages: z.number(),
  /** Pages an interrupted backup had already stored, when this one resumes it. */
  resumedPages: z.number().default(0),
  apiCalls: z.number(),
  retries: z.number(),
  rateLimited: z.number(),
  /** Time all requests were paused by Notion's rate limit (429/529 Retry-After). */
  rateLimitWaitMs: z.number(),
  elapsedMs: z.number(),
  /** Null until an estimate means something (after 10 s and 5 % of the pages). */
  etaMs: z.number().nullable(),
});
export type BackupProgress = z.infer<typeof BackupProgressSchema>;

/** A backup's progress before anything is counted. */
export function startingBackupProgress(): BackupProgress {
  return {
    phase: 'connecting',
    mode: null,
    pages: { done: 0, known: null },
    rows: 0,
    databases: 0,
    blocks: 0,
    files: 0,
    bytes: 0,
    comments: 0,
    reusedPages: 0,
    resumedPages: 0,
    apiCalls: 0,
    retries: 0,
    rateLimited: 0,
    rateLimitWaitMs: 0,
    elapsedMs: 0,
    etaMs: null,
  };
}
