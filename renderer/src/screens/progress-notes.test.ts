import { describe, expect, it } from 'vitest';
import type { BackupProgress } from '../../../shared/jobs';
import { backupNotes } from './progress-notes';

const progress = (retries: number, rateLimited: number) => ({ retries, rateLimited, rateLimitWaitMs: 5_000 }) as BackupProgress;

describe('backupNotes', () => {
  it('says rate-limit waits are normal, and does not count them as retries after an error', () => {
    expect(backupNotes(progress(5, 5))).toEqual(['Waited 5 s for Notion’s rate limit (5 times). This is normal; the backup continues.']);
    expect(backupNotes(progress(7, 5))[1]).toBe('2 requests were sent again after a temporary error from Notion.');
    expect(backupNotes(progress(1, 0))).toEqual(['1 request was sent again after a temporary error from Notion.']);
    expect(backupNotes(progress(0, 0))).toEqual([]);
    expect(backupNotes(null)).toEqual([]);
  });
});
