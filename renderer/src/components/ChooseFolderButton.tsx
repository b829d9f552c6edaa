import { useState } from 'react';
import { getBackupApp } from '../bridge';
import { strings } from '../strings';

/**
 * "Choose…": main opens the native folder dialog and hands back the path it will accept later without
 * asking again. A path typed in the field instead is confirmed by main in its own dialog.
 */
export function ChooseFolderButton({ purpose, label, onChosen }: { purpose: 'store' | 'export'; label: string; onChosen: (path: string) => void }) {
  const [busy, setBusy] = useState(false);
  async function choose() {
    setBusy(true);
    const result = await getBackupApp().chooseFolder({ purpose });
    setBusy(false);
    if (result.ok && result.value.status === 'chosen') onChosen(result.value.path);
  }
  return (
    <button type="button" className="button button--secondary" onClick={() => void choose()} disabled={busy} aria-label={label}>
      {strings.folders.choose}
    </button>
  );
}
