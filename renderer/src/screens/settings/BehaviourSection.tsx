import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { NotificationMode } from '../../../../shared/schedule';
import { inBrowserMode } from '../../bridge';
import { Card } from '../../components/Card';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceGroup } from '../../components/ChoiceRadio';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { useMainMutation } from '../../use-main';

const t = scheduleStrings.behaviour;
const MODES: readonly NotificationMode[] = ['failures', 'all', 'off'];

/** Notifications and startup: saved as soon as they change (there is nothing to get half right). */
export function BehaviourSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const [values, setValues] = useState({ notifications: state.settings.notifications, launchAtLogin: state.settings.launchAtLogin });
  // Controls stay enabled (disabling them would drop the keyboard focus); only the latest answer counts.
  const saving = useMainMutation('updateAppBehaviour');

  async function change(next: typeof values) {
    const previous = values;
    setValues(next);
    const answer = await saving.run(next);
    if (answer.state === 'problem') setValues(previous);
    if (answer.state !== 'ready') return;
    onStateChange(answer.value);
    setValues({ notifications: answer.value.settings.notifications, launchAtLogin: answer.value.settings.launchAtLogin });
  }

  const status = saving.state === 'loading' ? strings.settings.saving : saving.state === 'ready' ? strings.settings.saved : saving.problem;

  return (
    <Card id="settings-behaviour" title={t.title} testId="settings-behaviour">
      <div className="form">
        <ChoiceGroup
          legend={t.notificationsLegend}
          name="settings-notifications"
          options={MODES}
          value={values.notifications}
          onChange={(notifications) => void change({ ...values, notifications })}
          labels={t.notifications}
          hints={t.notificationHints}
        />
        {/* Browser mode starts with `notion-plakar ui`: as a service, not as a login item. */}
        {!inBrowserMode() && (
          <CheckRow
            checked={values.launchAtLogin}
            onChange={(launchAtLogin) => void change({ ...values, launchAtLogin })}
            label={t.launchAtLogin}
            hint={t.launchAtLoginHelp}
          />
        )}
        <p role="status" className={saving.state === 'problem' ? 'field-error' : saving.state === 'ready' ? 'ok-text' : 'muted'} data-testid="behaviour-status">
          {status ?? ''}
        </p>
      </div>
    </Card>
  );
}
