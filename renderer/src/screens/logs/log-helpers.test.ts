import { describe, expect, it } from 'vitest';
import { strings } from '../../strings';
import { durationMs, logText } from './log-helpers';

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
