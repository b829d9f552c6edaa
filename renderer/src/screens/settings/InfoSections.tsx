import type { AppInfo } from '../../../../shared/ipc/contract';
import { ProblemLine } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { CopyButton } from '../../components/CopyButton';
import { Field } from '../../components/Field';
import { OptionalFact } from '../../components/OptionalFact';
import { strings } from '../../strings';
import { useMainMutation } from '../../use-main';

const t = strings.settings;

/** "Show command": the same backup as a terminal command, secrets as placeholders, with Copy. */
export function CommandSection() {
  const command = useMainMutation('getBackupCommand');
  const shown = command.value?.command ?? null;

  return (
    <Card id="settings-command" title={t.commandTitle} testId="settings-command">
      <p className="muted">{t.commandLead}</p>
      {shown === null ? (
        <button type="button" className="button button--secondary" onClick={() => void command.run()}>
          {t.showCommand}
        </button>
      ) : (
        <Field label={t.commandLabel} after={<CopyButton text={shown} label={t.copy} copied={t.copied} failed={t.copyFailed} />}>
          {(control) => <textarea {...control} className="input input--mono code-box" readOnly value={shown} rows={4} spellCheck={false} />}
        </Field>
      )}
      <ProblemLine message={command.problem} />
    </Card>
  );
}

/** Versions and where the app keeps its data. */
export function AboutSection({ info }: { info: AppInfo | null }) {
  const a = t.about;
  return (
    <Card id="settings-about" title={t.aboutTitle} testId="settings-about">
      {info ? (
        <dl className="facts">
          <dt>{a.version}</dt>
          <dd>
            {info.productName} {info.version}
          </dd>
          <OptionalFact label={a.electron} value={info.electronVersion} />
          <OptionalFact label={a.chrome} value={info.chromeVersion} />
          <dt>{a.node}</dt>
          <dd>{info.nodeVersion}</dd>
          <dt>{a.platform}</dt>
          <dd>{info.platform}</dd>
          <dt>{a.apiUrl}</dt>
          <dd className="mono-wrap">{info.notionApiUrl}</dd>
          <dt>{a.dataDir}</dt>
          <dd className="mono-wrap">{info.dataDir}</dd>
        </dl>
      ) : (
        <p className="muted">{strings.loading}</p>
      )}
    </Card>
  );
}
