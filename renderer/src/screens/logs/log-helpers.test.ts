import { describe, expect, it } from 'vitest';
import { strings } from '../../strings';
import { durationMs, isDryRun, logText, subjectLabels } from './log-helpers';

describe('job log helpers', () => {
  it('measures a job and formats the duration', () => {
    const ms = durationMs('2025-06-02T08:00:00.000Z', '2025-06-02T08:02:05.400Z');
    expect(ms).toBe(125_400);
    expect(strings.format.duration(ms ?? 0)).toBe('2 min 5 s');
    expect(durationMs('2025-06-02T08:00:00Z', '2025-06-02T07:00:00Z')).toBeNull();
    expect(durationMs('x', '2025-06-02T07:00:00Z')).toBeNull();
  });

  it('formats sizes', () => {
    expect(strings.format.bytes(512)).toBe('512 B');
    expect(strings.format.bytes(1536)).toBe((1.5).toLocaleString() + ' KB');
  });

  it('copies the whole log with the job on the first line', () => {
    expect(logText({ kind: 'backup', jobId: 'j1', startedAt: 't0', log: ['a', 'b'] })).toBe('backup j1 (t0)\na\nb');
  });
});

describe('restore and export rows', () => {
  const succeeded = (dryRun: boolean) => ({
    status: 'succeeded' as const,
    snapshotId: 'a'.repeat(64),
    summary: '1 page',
    warnings: [],
    restore: { dryRun, created: { pages: 1, databases: 0, rows: 0, blocks: 0, files: 0, comments: 0, views: 0 }, requests: 3, estimatedSeconds: 1, resumed: false, losses: [] },
  });
  const subject = {
    snapshotId: '0123456789ab'.padEnd(64, 'c'),
    snapshotTime: '2026-12-05T04:28:00Z',
    target: { kind: 'notion' as const, pageId: '11111111-2222-3333-4444-555555555555', title: '🏠 Home' },
    dryRun: true,
  };

  it('tells a dry run from a restore, also in records written before the subject existed', () => {
    expect(isDryRun({ subject, outcome: { status: 'failed', kind: 'x', message: 'm', retryable: false } })).toBe(true);
    expect(isDryRun({ subject: { ...subject, dryRun: false }, outcome: succeeded(false) })).toBe(false);
    expect(isDryRun({ outcome: succeeded(true) })).toBe(true);
    expect(isDryRun({ outcome: succeeded(false) })).toBe(false);
    expect(isDryRun({ outcome: { status: 'cancelled', message: 'm' } })).toBe(false);
  });

  it('names the snapshot by short id and date, and the target page or folder', () => {
    const labels = subjectLabels(subject);
    expect(labels?.snapshot).toMatch(/^0123456789ab · .*2026/);
    expect(labels?.target).toBe('🏠 Home');
    expect(subjectLabels({ ...subject, snapshotTime: null, target: { ...subject.target, title: null } })).toEqual({
      snapshot: '0123456789ab',
      target: 'Notion page 11111111',
    });
    expect(subjectLabels({ ...subject, target: { kind: 'folder', dir: '/tmp/out', format: 'html' } })?.target).toBe('/tmp/out (HTML)');
    expect(subjectLabels(undefined)).toBeNull();
  });
});
