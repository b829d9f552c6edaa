import { useEffect, useState } from 'react';
import { getBackupApp } from '../../bridge';
import type { PickableItem } from '../../page-tree';

export type NotionPagesState = { phase: 'loading' } | { phase: 'problem'; message: string } | { phase: 'ok'; items: PickableItem[] };

/** The pages and databases the integration can see now (listNotionPages), read once per mount. */
export function useNotionPages(enabled = true): NotionPagesState {
  const [state, setState] = useState<NotionPagesState>({ phase: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    void getBackupApp()
      .listNotionPages()
      .then((result) => {
        if (cancelled) return;
        if (!result.ok) setState({ phase: 'problem', message: result.error.message });
        else if (result.value.status === 'problem') setState({ phase: 'problem', message: result.value.message });
        else setState({ phase: 'ok', items: result.value.items });
      });
    return () => {
      cancelled = true;
    };
  }, [enabled]);
  return state;
}
