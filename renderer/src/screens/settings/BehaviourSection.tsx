import { useRef, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { NotificationMode } from '../../../../shared/schedule';
import { getBackupApp, inBrowserMode } from '../../bridge';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';

const t = scheduleStrings.behaviour;
const MODES: readonly NotificationMode[] = ['failures', 'all', 'off'];

/** Notifications and startup: saved as soon as they change (there is nothing to get half right). */
export function BehaviourSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const [values, setValues] = useState({ notifications: state.settings.notifications, launchAtLogin: state.settings.launchAtLogin });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  // Controls stay enabled (disabling them would drop the keyboard focus); only the latest answer counts.
  const latest = useRef(0);

  async function change(next: typeof values) {
    const previous = values;
    const call = ++latest.current;
    setValues(next);
    setStatus({ ok: true, text: strings.settings.saving });
    const result = await getBackupApp().updateAppBehaviour(next);
    if (call !== latest.current) return;
    if (!result.ok) {
      setValues(previous);
      setStatus({ ok: false, text: result.error.message });
      return;
    }
    onStateChange(result.value);
    setValues({ notifications: result.value.settings.notifications, launchAtLogin: result.value.settings.launchAtLogin });
    setStatus({ ok: true, text: strings.settings.saved });
  }

  return (
    <section className="card" aria-labelledby="settings-behaviour-title" data-testid="settings-behaviour">
      <h2 id="settings-behaviour-title" className="card__title">
        {t.title}
      </h2>
      <div className="form">
        <fieldset className="choice-group">
          <legend>{t.notificationsLegend}</legend>
          {MODES.map((mode) => (
            <ChoiceRadio
              key={mode}
              name="settings-notifications"
              checked={values.notifications === mode}
              onChange={() => void change({ ...values, notifications: mode })}
              label={t.notifications[mode]}
              hint={t.notificationHints[mode]}
            />
          ))}
        </fieldset>
        {/* Browser mode starts with `notion-plakar ui`: as a service, not as a login item. */}
        {!inBrowserMode() && (
          <CheckRow
            checked={values.launchAtLogin}
            onChange={(launchAtLogin) => void change({ ...values, launchAtLogin })}
            label={t.launchAtLogin}
            hint={t.launchAtLoginHelp}
          />
        )}
        <p role="status" className={status && !status.ok ? 'field-error' : status?.text === strings.settings.saved ? 'ok-text' : 'muted'} data-testid="behaviour-status">
          {status?.text ?? ''}
        </p>
      </div>
    </section>
  );
}
