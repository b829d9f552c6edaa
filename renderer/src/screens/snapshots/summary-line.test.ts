import { describe, expect, it } from 'vitest';
import type { ManifestSummary } from './summary-line';
import { summaryLine, summaryProblems } from './summary-line';

const summary = (counts: Record<string, number>, extra: Partial<ManifestSummary> = {}): ManifestSummary => ({
  mode: 'full',
  startedAt: '2026-12-05T04:28:00Z',
  counts,
  unreachable: 0,
  unsupportedBlocks: 0,
  failedFiles: 0,
  warnings: [],
  ...extra,
});

describe('summaryLine', () => {
  it('says pages and database rows apart, so neither contradicts the other', () => {
    const counts = { pages: 9, databases: 3, rows: 138, blocks: 2000, files: 4, fileBytes: 1_258_291, comments: 0, apiCalls: 336 };
    expect(summaryLine(summary(counts))).toBe('9 pages · 3 databases · 138 database rows · 1.2 MB of files (4)');
  });

  it('leaves out what is not there, and counts every warning', () => {
    expect(summaryLine(summary({ pages: 1, databases: 0, rows: 0, files: 0 }))).toBe('1 page');
    const withProblems = summary({ pages: 2 }, { unreachable: 2, failedFiles: 1, warnings: ['A block could not be read.'] });
    expect(summaryLine(withProblems)).toBe('2 pages · 3 warnings');
    expect(summaryProblems(withProblems)).toEqual([
      '2 items could not be read by the integration.',
      '1 file could not be downloaded.',
      'A block could not be read.',
    ]);
  });
});
