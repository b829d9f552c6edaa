import { describe, expect, it } from 'vitest';
import { countsSummary, plural } from './plural';

describe('plural', () => {
  it('uses the singular for exactly one', () => {
    expect(plural(1, 'page', 'pages')).toBe('1 page');
    expect(plural(0, 'page', 'pages')).toBe('0 pages');
    expect(plural(1204, 'page', 'pages')).toBe('1,204 pages');
  });

  it('says the counts a job made, in a fixed order, only those given', () => {
    expect(countsSummary({ files: 1, pages: 1, databases: 0 })).toBe('1 page, 0 databases, 1 file');
    expect(countsSummary({ pages: 2, databases: 1, rows: 1, blocks: 7, files: 0, comments: 1 })).toBe('2 pages, 1 database, 1 row, 7 blocks, 0 files, 1 comment');
  });
});
