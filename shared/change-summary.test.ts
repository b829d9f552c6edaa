import { describe, expect, it } from 'vitest';
import { changesSummary, massDeletionMessage } from './change-summary';

describe('changesSummary', () => {
  it('names only what changed', () => {
    expect(changesSummary({ added: 2, removed: 0, edited: 1_204 })).toBe('2 added, 1,204 edited since the previous snapshot');
    expect(changesSummary({ added: 0, removed: 0, edited: 0 })).toBe('nothing changed since the previous snapshot');
  });
});

describe('massDeletionMessage', () => {
  it('names the first pages that went, and how many others', () => {
    expect(massDeletionMessage({ removed: 57, removedTitles: ['Roadmap', '', 'Team'] })).toBe(
      '57 pages and databases disappeared from Notion since the previous backup: “Roadmap”, “Untitled”, “Team” and 54 others. If that was not on purpose, the previous snapshot still has them: find them in Snapshots and restore them.',
    );
    expect(massDeletionMessage({ removed: 3, removedTitles: ['A', 'B', 'C'] })).toMatch(/^3 pages and databases disappeared .*: “A”, “B” and “C”\. /);
    expect(massDeletionMessage({ removed: 1, removedTitles: ['A'] })).toMatch(/^1 page or database disappeared .*: “A”\. /);
  });
});
