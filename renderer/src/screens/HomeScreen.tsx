import type { AppState } from '../../../shared/ipc/app-schemas';
import { inBrowserMode } from '../bridge';
import { ScreenHeading } from '../components/ScreenHeading';
import { SetupFacts } from '../components/SetupFacts';
import type { LastOutcome } from '../jobs';
import { useScheduleStatus } from '../schedule-status';
import { strings } from '../strings';
import { callMain } from '../use-main';
import { ScheduleCard, StaleBanner } from './home/ScheduleCard';
import { TrayHint } from './home/TrayHint';
import type { Snapshots } from './snapshots/useSnapshots';
import { useSnapshots } from './snapshots/useSnapshots';

/** Home: the last backup, the schedule, where it goes, what needs attention, and "Back up now". */
export function HomeScreen({
  state,
  onStateChange,
  lastOutcome,
  running,
  onBackUpNow,
  onViewProgress,
  onOpenSchedule,
  platform,
}: {
  state: AppState;
  onStateChange: (state: AppState) => void;
  lastOutcome: LastOutcome | null;
  running: boolean;
  onBackUpNow: () => void;
  onViewProgress: () => void;
  /** Settings, scrolled to the schedule. */
  onOpenSchedule: () => void;
  /** AppInfo.platform, for where the tray icon is; null while unknown. */
  platform: string | null;
}) {
  const snapshots = useSnapshots(lastOutcome);
  const schedule = useScheduleStatus();
  const stale = schedule.status?.stale ?? null;
  const { store } = state.settings;

  async function confirmSaved() {
    const answer = await callMain('confirmPassphraseSaved');
    if (answer.state === 'ready') onStateChange(answer.value);
  }

  const warnings: Array<{ key: string; text: string; action?: { label: string; run: () => void } }> = [];
  if (store?.encrypted && !store.passphraseSaved) {
    warnings.push({
      key: 'passphrase',
      text: strings.home.passphraseNotSaved,
      action: { label: strings.home.passphraseSavedButton, run: () => void confirmSaved() },
    });
  }
  if (!state.secretStorage.secure) warnings.push({ key: 'secrets', text: inBrowserMode() ? strings.home.insecureSecretsBrowser : strings.home.insecureSecrets(state.secretStorage.backend) });
  if (store && !store.encrypted) warnings.push({ key: 'plaintext', text: strings.home.plaintextStore });
  if (!state.hasNotionToken) warnings.push({ key: 'notion', text: strings.home.notConnected });

  return (
    <div className="screen">
      <ScreenHeading>{strings.home.title}</ScreenHeading>

      {stale && <StaleBanner stale={stale} running={running} onBackUpNow={onBackUpNow} />}

      <section className="card hero" aria-labelledby="last-backup-title">
        <div>
          <h2 id="last-backup-title" className="card__title">
            {strings.home.lastBackupTitle}
          </h2>
          <LastBackup snapshots={snapshots} />
        </div>
        <div className="hero__action">
          {running ? (
            <>
              <p role="status">{strings.home.running}</p>
              <button type="button" className="button button--large" onClick={onViewProgress}>
                {strings.home.viewProgress}
              </button>
            </>
          ) : (
            <button type="button" className="button button--large" onClick={onBackUpNow}>
              {strings.home.backUpNow}
            </button>
          )}
        </div>
      </section>

      <ScheduleCard schedule={schedule} onStatus={schedule.apply} onOpenSchedule={onOpenSchedule} backupRunning={running} />

      {!state.settings.trayHintShown && <TrayHint platform={platform} onStateChange={onStateChange} />}

      {lastOutcome && (
        <section className={`card outcome outcome--${lastOutcome.outcome.status}`} aria-labelledby="last-result-title" data-testid="last-result">
          <h2 id="last-result-title" className="card__title">
            {strings.home.lastResultTitle}: {strings.outcome[lastOutcome.outcome.status]}
          </h2>
          <p>{lastOutcome.outcome.status === 'succeeded' ? lastOutcome.outcome.summary : lastOutcome.outcome.message}</p>
        </section>
      )}

      {warnings.length > 0 && (
        <section className="card warning-card" aria-labelledby="warnings-title">
          <h2 id="warnings-title" className="card__title">
            <span aria-hidden="true">⚠ </span>
            {strings.home.warningsTitle}
          </h2>
          <ul className="warning-list">
            {warnings.map((warning) => (
              <li key={warning.key}>
                <p>{warning.text}</p>
                {warning.action && (
                  <button type="button" className="button button--secondary" onClick={warning.action.run}>
                    {warning.action.label}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="card" aria-label={strings.home.setupTitle}>
        <SetupFacts
          state={state}
          labels={{ store: strings.home.storeTitle, notion: strings.home.notionTitle, what: strings.home.whatTitle }}
          notConnected={strings.home.notConnected}
        />
      </section>
    </div>
  );
}

function LastBackup({ snapshots }: { snapshots: Snapshots }) {
  if (snapshots.state === 'problem') {
    return (
      <p role="alert">
        {strings.home.snapshotsProblem} {snapshots.problem}
      </p>
    );
  }
  if (!snapshots.newestFirst) return <p className="muted">{strings.home.loadingSnapshots}</p>;
  const ours = snapshots.newestFirst.filter((snapshot) => snapshot.ours);
  const list = ours.length > 0 ? ours : snapshots.newestFirst;
  const newest = list[0];
  if (!newest) return <p data-testid="last-backup">{strings.home.noBackup}</p>;
  const time = new Date(newest.time);
  return (
    <div data-testid="last-backup">
      <p className="big-fact">{strings.home.lastBackup(time.toLocaleString(), strings.format.ago(snapshots.loadedAt - time.getTime()))}</p>
      <p className="muted">
        {newest.mode ? `${strings.home.mode[newest.mode]} · ` : ''}
        {strings.home.snapshotCount(snapshots.newestFirst.length)}
      </p>
    </div>
  );
}
