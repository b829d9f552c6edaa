import { useId, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/contract';
import { getBackupApp } from '../../bridge';
import { CopyButton } from '../../components/CopyButton';
import { strings } from '../../strings';

const t = strings.settings;

/** "Show command": the same backup as a terminal command, secrets as placeholders, with Copy. */
export function CommandSection() {
  const [command, setCommand] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const boxId = useId();

  async function show() {
    const result = await getBackupApp().getBackupCommand();
    if (result.ok) setCommand(result.value.command);
    else setError(result.error.message);
  }

  return (
    <section className="card" aria-labelledby="settings-command-title" data-testid="settings-command">
      <h2 id="settings-command-title" className="card__title">
        {t.commandTitle}
      </h2>
      <p className="muted">{t.commandLead}</p>
      {command === null ? (
        <button type="button" className="button button--secondary" onClick={() => void show()}>
          {t.showCommand}
        </button>
      ) : (
        <div className="field">
          <label htmlFor={boxId}>{t.commandLabel}</label>
          <textarea id={boxId} className="input input--mono code-box" readOnly value={command} rows={4} spellCheck={false} />
          <CopyButton text={command} label={t.copy} copied={t.copied} failed={t.copyFailed} />
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** Versions and where the app keeps its data. */
export function AboutSection({ info }: { info: AppInfo | null }) {
  const a = t.about;
  return (
    <section className="card" aria-labelledby="settings-about-title" data-testid="settings-about">
      <h2 id="settings-about-title" className="card__title">
        {t.aboutTitle}
      </h2>
      {info ? (
        <dl className="facts">
          <dt>{a.version}</dt>
          <dd>
            {info.productName} {info.version}
          </dd>
          {info.electronVersion && (
            <>
              <dt>{a.electron}</dt>
              <dd>{info.electronVersion}</dd>
            </>
          )}
          {info.chromeVersion && (
            <>
              <dt>{a.chrome}</dt>
              <dd>{info.chromeVersion}</dd>
            </>
          )}
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
    </section>
  );
}
