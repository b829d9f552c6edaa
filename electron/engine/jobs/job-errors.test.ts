import { describe, expect, it } from 'vitest';
import { RestoreStepError } from '../restore/refusals';
import { NotionCallError } from '../notion/retry';
import { describeJobError } from './job-errors';

const refused = (status: number | undefined, code: string) =>
  new NotionCallError(`HTTP ${status ?? ''} ${code}`, { kind: 'permanent', reason: `HTTP ${status ?? '?'} ${code}`, status }, 1, new Error('Insufficient permissions for this endpoint.'));

describe('describeJobError: a missing integration capability', () => {
  it('tells a failed restore to enable "Insert content", for a 403 or a restricted_resource answer', () => {
    for (const error of [refused(403, 'restricted_resource'), refused(undefined, 'restricted_resource')]) {
      const description = describeJobError(error, 'restore');
      expect(description).toMatchObject({ kind: 'notion-access', retryable: false });
      expect(description.message).toContain('enable "Insert content"');
      expect(description.message).toContain('resumes where it stopped');
    }
  });

  it('keeps the advice when the refusal stopped the restore of one object', () => {
    const inner = refused(403, 'restricted_resource');
    const step = new RestoreStepError('the page "Long page"', inner);
    const message = describeJobError(step, 'restore').message;
    expect(message).toMatch(/^While restoring the page "Long page": /);
    expect(message).toContain('"Insert content"');
  });

  it('asks a backup for "Read content", not for a capability only restores need', () => {
    const message = describeJobError(refused(403, 'restricted_resource'), 'backup').message;
    expect(message).toContain('"Read content"');
    expect(message).not.toContain('Insert content');
    expect(message).toContain('No snapshot was recorded.');
  });
});
