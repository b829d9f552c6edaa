import type { AppState } from '../../../shared/ipc/app-schemas';
import { inBrowserMode } from '../bridge';
import { ScreenHeading } from '../components/ScreenHeading';
import { SetupFacts } from '../components/SetupFacts';
import type { LastOutcome } from '../jobs';
import { useScheduleStatus } from '../schedule-status';
import { strings } from '../strings';
import { callMain } from '../use-main';
import { StatusIcon } from '../components/StatusIcon';
import { formatDateTime } from '../format-date';
import type { HomeHealth } from './home/home-helpers';
import { homeHealth, toneIcon } from './home/home-helpers';
import { ScheduleCard, useNow } from './home/ScheduleCard';
import { TrayHint } from './home/TrayHint';
import type { Snapshots } from './snapshots/useSnapshots';
import { useSnapshots } from './snapshots/useSnapshots';

/** Home: one line for the state of the backups, then the schedule, notes about the setup and where it goes. */
export function HomeScreen({
  state,
  onStateChange,
  lastOutcome,
  running,
  onBackUpNow,
  onViewProgress,
  onOpenSchedule,
  onOpenSnapshots,
  onOpenLogs,
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
  onOpenSnapshots: () => void;
  onOpenLogs: () => void;
  /** AppInfo.platform, for where the tray icon is; null while unknown. */
  platform: string | null;
}) {
  const snapshots = useSnapshots(lastOutcome);
  const schedule = useScheduleStatus();
  const now = useNow();
  const { store } = state.settings;
  const passphraseUnsaved = Boolean(store?.encrypted && !store.passphraseSaved);
  const health = homeHealth({ status: schedule.status, running, notionConnected: state.hasNotionToken, passphraseUnsaved, now: new Date(now) });

  async function confirmSaved() {
    const answer = await callMain('confirmPassphraseSaved');
    if (answer.state === 'ready') onStateChange(answer.value);
  }

  const notes: Array<{ key: string; text: string; action?: { label: string; run: () => void } }> = [];
  if (passphraseUnsaved) {
    notes.push({
      key: 'passphrase',
      text: strings.home.passphraseNotSaved,
      action: { label: strings.home.passphraseSavedButton, run: () => void confirmSaved() },
    });
  }
  if (!state.secretStorage.secure) notes.push({ key: 'secrets', text: inBrowserMode() ? strings.home.insecureSecretsBrowser : strings.home.insecureSecrets(state.secretStorage.backend) });
  if (store && !store.encrypted) notes.push({ key: 'plaintext', text: strings.home.plaintextStore });

  return (
    <div className="screen">
      <ScreenHeading>{strings.home.title}</ScreenHeading>

      <section className={`card hero home-health home-health--${health.tone}`} aria-label={strings.home.lastBackupTitle}>
        <div className="home-health__text">
          <HealthLine health={health} onOpen={health.link === 'snapshots' ? onOpenSnapshots : onOpenLogs} />
          <LastBackup snapshots={snapshots} />
        </div>
        <div className="hero__action">
          {running ? (
            <button type="button" className="button button--large" onClick={onViewProgress}>
              {strings.home.viewProgress}
            </button>
          ) : (
            <button type="button" className="button button--large" onClick={onBackUpNow}>
              {strings.home.backUpNow}
            </button>
          )}
        </div>
      </section>

      <ScheduleCard schedule={schedule} onStatus={schedule.apply} onOpenSchedule={onOpenSchedule} backupRunning={running} />

      {!state.settings.trayHintShown && <TrayHint platform={platform} onStateChange={onStateChange} />}

      {notes.length > 0 && (
        <section className="card home-notes" aria-labelledby="home-notes-title">
          <h2 id="home-notes-title" className="card__title">
            {strings.home.notesTitle}
          </h2>
          <ul className="home-notes__list">
            {notes.map((note) => (
              <li key={note.key}>
                <p>{note.text}</p>
                {note.action && (
                  <button type="button" className="button button--secondary" onClick={note.action.run}>
                    {note.action.label}
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

/** Home's one state: what is true now, and where to look when it needs a look. */
function HealthLine({ health, onOpen }: { health: HomeHealth; onOpen: () => void }) {
  const icon = toneIcon(health.tone);
  return (
    <div className="home-health__line" role="status" data-testid="home-health">
      <p className="big-fact">
        {icon && <StatusIcon status={icon} />}
        {health.headline}
      </p>
      {health.link && (
        <button type="button" className="link-button" onClick={onOpen}>
          {strings.home.health.links[health.link]}
        </button>
      )}
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
  if (!newest) return <p className="muted" data-testid="last-backup">{strings.home.noSnapshot}</p>;
  return (
    <p className="muted" data-testid="last-backup">
      {strings.home.newestSnapshot(formatDateTime(newest.time))} · {newest.mode ? `${strings.home.mode[newest.mode]} · ` : ''}
      {strings.home.snapshotCount(snapshots.newestFirst.length)}
    </p>
  );
}
