import { describe, expect, it } from 'vitest';
import { describeUnreachable, plural } from './format';

const entry = (index: number) => ({
  id: `0000000${index}-0000-0000-0000-000000000000`,
  object: 'page' as const,
  referencedFrom: index === 1 ? 'aaaaaaaa-0000-0000-0000-000000000000' : null,
  reason: 'not shared with the integration',
});

describe('describeUnreachable', () => {
  it('names one item, in the singular, with where it was referenced and the reason', () => {
    expect(describeUnreachable([entry(1)])).toEqual([
      '1 item could not be read:',
      '  page 00000001-0000-0000-0000-000000000000 (referenced from aaaaaaaa-0000-0000-0000-000000000000): not shared with the integration',
      "  They are listed in `backup --json` (unreachable) and in the snapshot's manifest.json.",
    ]);
  });

  it('names the first few, then how many more and where all of them are', () => {
    const lines = describeUnreachable([1, 2, 3, 4, 5].map(entry));
    expect(lines[0]).toBe('5 items could not be read:');
    expect(lines).toHaveLength(6);
    expect(lines[4]).toBe('  and 2 more');
    expect(lines[5]).toMatch(/All of them are listed in `backup --json`/);
    expect(describeUnreachable([])).toEqual([]);
  });

  it('plural', () => {
    expect([plural(0, 'page'), plural(1, 'page'), plural(2, 'entry', 'entries')]).toEqual(['0 pages', '1 page', '2 entries']);
  });
});
