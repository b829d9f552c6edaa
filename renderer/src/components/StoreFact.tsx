import type { AppState } from '../../../shared/ipc/app-schemas';
import { strings } from '../strings';

/** Where the store is, tagged encrypted or not ("—" before there is one). */
export function StoreFact({ store }: { store: AppState['settings']['store'] }) {
  return (
    <>
      <span className="mono-wrap">{store?.location ?? '—'}</span>{' '}
      {store && <span className="tag">{store.encrypted ? strings.firstBackup.encrypted : strings.firstBackup.notEncrypted}</span>}
    </>
  );
}
