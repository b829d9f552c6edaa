import type { AppState } from '../../../../shared/ipc/app-schemas';
import { Card } from '../../components/Card';
import { inBrowserMode } from '../../bridge';
import { scheduleStrings } from '../../strings-schedule';
import { useMainMutation } from '../../use-main';

const h = scheduleStrings.home;

/**
 * Shown once: where the tray icon is, and that closing the window does not stop scheduled backups (in
 * browser mode: that they run as long as `notion-plakar ui` does).
 */
export function TrayHint({ platform, onStateChange }: { platform: string | null; onStateChange: (state: AppState) => void }) {
  const dismissing = useMainMutation('dismissTrayHint');

  async function dismiss() {
    const answer = await dismissing.run();
    if (answer.state === 'ready') onStateChange(answer.value);
  }

  return (
    <Card id="tray-hint" title={inBrowserMode() ? h.browserHintTitle : h.trayHintTitle} testId="tray-hint" className="tray-hint">
      <p>{inBrowserMode() ? h.browserHint : h.trayHint(h.trayWhere(platform))}</p>
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => void dismiss()}>
          {h.trayGotIt}
        </button>
        {dismissing.problem && (
          <span className="field-error" role="alert">
            {dismissing.problem}
          </span>
        )}
      </div>
    </Card>
  );
}
