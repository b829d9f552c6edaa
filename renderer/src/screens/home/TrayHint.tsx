import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { getBackupApp, inBrowserMode } from '../../bridge';
import { scheduleStrings } from '../../strings-schedule';

const h = scheduleStrings.home;

/**
 * Shown once: where the tray icon is, and that closing the window does not stop scheduled backups (in
 * browser mode: that they run as long as `notion-plakar ui` does).
 */
export function TrayHint({ platform, onStateChange }: { platform: string | null; onStateChange: (state: AppState) => void }) {
  const [error, setError] = useState<string | null>(null);

  async function dismiss() {
    const result = await getBackupApp().dismissTrayHint();
    if (result.ok) onStateChange(result.value);
    else setError(result.error.message);
  }

  return (
    <section className="card tray-hint" aria-labelledby="tray-hint-title" data-testid="tray-hint">
      <h2 id="tray-hint-title" className="card__title">
        {inBrowserMode() ? h.browserHintTitle : h.trayHintTitle}
      </h2>
      <p>{inBrowserMode() ? h.browserHint : h.trayHint(h.trayWhere(platform))}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary button--flat" onClick={() => void dismiss()}>
          {h.trayGotIt}
        </button>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </section>
  );
}
