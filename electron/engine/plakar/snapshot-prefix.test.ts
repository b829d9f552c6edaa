import { describe, expect, it } from 'vitest';
import type { SnapshotListEntry } from './parse';
import { matchSnapshotPrefix } from './snapshot-prefix';

const entry = (id: string): SnapshotListEntry => ({ id, time: '2026-11-24T10:00:00Z', sizeBytes: 0, durationMs: 0, directory: '/x', tags: [] });
const entries = [entry(`ab12${'0'.repeat(60)}`), entry(`ab34${'0'.repeat(60)}`), entry(`cd56${'0'.repeat(60)}`)];

describe('matchSnapshotPrefix', () => {
  it('finds a unique prefix or a full id, ignoring case', () => {
    expect(matchSnapshotPrefix(entries, 'CD')).toMatchObject({ kind: 'found', entry: entries[2] });
    expect(matchSnapshotPrefix(entries, entries[0]!.id)).toMatchObject({ kind: 'found', entry: entries[0] });
  });

  it('lists the candidates of an ambiguous prefix', () => {
    const match = matchSnapshotPrefix(entries, 'ab');
    expect(match.kind).toBe('ambiguous');
    expect(match.kind === 'ambiguous' && match.candidates).toHaveLength(2);
    expect(match.kind === 'ambiguous' && match.message).toContain(entries[1]!.id);
  });

  it('says when nothing matches, and refuses what is not hex', () => {
    expect(matchSnapshotPrefix(entries, 'ef')).toMatchObject({ kind: 'not-found' });
    expect(matchSnapshotPrefix(entries, '')).toMatchObject({ kind: 'not-found' });
    expect(matchSnapshotPrefix(entries, 'zz')).toMatchObject({ kind: 'not-found' });
  });
});
