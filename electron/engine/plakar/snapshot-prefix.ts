import type { SnapshotListEntry } from './parse';

export type PrefixMatch =
  | { kind: 'found'; entry: SnapshotListEntry }
  | { kind: 'not-found'; message: string }
  | { kind: 'ambiguous'; message: string; candidates: SnapshotListEntry[] };

/**
 * A snapshot given as its full id or a prefix of it. Unlike plakar's own `restore` (which silently
 * takes the newest match), an ambiguous prefix is an error that lists the candidates.
 */
export function matchSnapshotPrefix(entries: readonly SnapshotListEntry[], input: string): PrefixMatch {
  const prefix = input.trim().toLowerCase();
  if (!/^[0-9a-f]{1,64}$/.test(prefix)) {
    return { kind: 'not-found', message: `"${input}" is not a snapshot id (hexadecimal characters expected).` };
  }
  const matches = entries.filter((entry) => entry.id.startsWith(prefix));
  const [only] = matches;
  if (!only) return { kind: 'not-found', message: `No snapshot id starts with ${prefix}. List them with: notion-plakar snapshots` };
  if (matches.length > 1) {
    const listed = matches.slice(0, 10).map((entry) => `  ${entry.id}  ${entry.time}`).join('\n');
    return {
      kind: 'ambiguous',
      candidates: matches,
      message: `${matches.length} snapshots start with ${prefix}; give more characters:\n${listed}`,
    };
  }
  return { kind: 'found', entry: only };
}
