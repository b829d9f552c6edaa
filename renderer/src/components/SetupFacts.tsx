import type { ReactNode } from 'react';
import type { AppState } from '../../../shared/ipc/app-schemas';
import { strings } from '../strings';

/** Where the store is, tagged encrypted or not ("—" before there is one). */
function StoreFact({ store }: { store: AppState['settings']['store'] }) {
  return (
    <>
      <span className="mono-wrap">{store?.location ?? '—'}</span>{' '}
      {store && <span className="tag">{store.encrypted ? strings.firstBackup.encrypted : strings.firstBackup.notEncrypted}</span>}
    </>
  );
}

/**
 * The setup as facts: the store, the Notion workspace and what is protected, then `children` (more
 * `dt`/`dd` pairs). With `notConnected`, that text stands for the workspace while there is no token.
 */
export function SetupFacts({
  state,
  labels,
  notConnected,
  children,
}: {
  state: AppState;
  labels: { store: string; notion: string; what: string };
  notConnected?: string;
  children?: ReactNode;
}) {
  const { store, notion, roots } = state.settings;
  const workspace = notion.workspaceName ?? strings.notion.unknownWorkspace;
  return (
    <dl className="facts">
      <dt>{labels.store}</dt>
      <dd>
        <StoreFact store={store} />
      </dd>
      <dt>{labels.notion}</dt>
      <dd>{notConnected !== undefined && !state.hasNotionToken ? notConnected : workspace}</dd>
      <dt>{labels.what}</dt>
      <dd>{roots.length === 0 ? strings.firstBackup.everything : strings.firstBackup.some(roots.length)}</dd>
      {children}
    </dl>
  );
}
