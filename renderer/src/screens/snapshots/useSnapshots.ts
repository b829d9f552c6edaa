import { useMemo } from 'react';
import { useMainQuery } from '../../use-main';
import type { SnapshotRow } from './snapshot-helpers';
import { sortNewestFirst } from './snapshot-helpers';

export type Snapshots = ReturnType<typeof useSnapshots>;

/**
 * The store's snapshots (`newestFirst` once read), with `refresh` to read them again; they are also
 * read again, the list staying on screen meanwhile, whenever `refreshKey` changes (Home passes the
 * last job outcome).
 */
export function useSnapshots(refreshKey?: unknown) {
  const list = useMainQuery('listSnapshots', undefined, { refreshKey });
  const ready = list.state === 'ready' ? list.value : null;
  const newestFirst = useMemo<SnapshotRow[] | null>(() => (ready ? sortNewestFirst(ready.snapshots) : null), [ready]);
  return { state: list.state, problem: list.problem, loadedAt: list.answeredAt ?? 0, newestFirst, refresh: list.refresh };
}
