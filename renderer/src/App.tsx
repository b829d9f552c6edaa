import { DatabaseBackup } from 'lucide-react';
import { Icon } from './components/Icon';
import { useCallback, useEffect, useState } from 'react';
import type { AppState } from '../../shared/ipc/app-schemas';
import { PendingDialogs } from './components/PendingDialogs';
import { inBrowserMode } from './bridge';
import { useJobEvents } from './jobs';
import { appShortcut, useWindowKeys } from './keyboard';
import { HomeScreen } from './screens/HomeScreen';
import { LogsScreen } from './screens/logs/LogsScreen';
import { useLeaveGuard } from './screens/settings/LeaveSettingsDialog';
import type { SettingsTarget } from './screens/settings/SettingsScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { UnsavedChangesProvider, useUnsavedChangesRegistry } from './screens/settings/unsaved-changes';
import { SnapshotsScreen } from './screens/snapshots/SnapshotsScreen';
import type { BackupStart } from './screens/onboarding/StepFirstBackup';
import { Wizard } from './screens/onboarding/Wizard';
import { ProgressScreen } from './screens/ProgressScreen';
import { strings } from './strings';
import { callMain, useMainEvent, useMainQuery } from './use-main';

type View = 'home' | 'progress' | 'snapshots' | 'settings' | 'logs';

/** Where a navigation lands: a screen, and for Logs the run to open, for Settings the section. */
interface Destination {
  view: View;
  jobId: string | null;
  settings: SettingsTarget | null;
  /** Counts navigations: a screen opened on a run or a section is mounted afresh, so it scrolls there again. */
  seq: number;
}

export function App() {
  const info = useMainQuery('getAppInfo', undefined).value;
  const [state, setState] = useState<AppState | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [destination, setDestination] = useState<Destination>({ view: 'home', jobId: null, settings: null, seq: 0 });
  const view = destination.view;
  const unsaved = useUnsavedChangesRegistry();
  const leaveGuard = useLeaveGuard(view === 'settings' ? unsaved.dirty : []);
  const confirmLeave = leaveGuard.confirmLeave;
  // Leaving Settings with unsaved drafts asks first (screens/settings/unsaved-changes.tsx).
  const go = useCallback(
    (next: View, extra: { jobId?: string | null; settings?: SettingsTarget | null } = {}) => {
      const navigate = () =>
        setDestination((current) => ({ view: next, jobId: extra.jobId ?? null, settings: extra.settings ?? null, seq: current.seq + 1 }));
      if (view === 'settings' && next !== 'settings') confirmLeave(navigate);
      else navigate();
    },
    [view, confirmLeave],
  );
  const [currentJobId, setCurrentJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<string | null>(null);

  // A backup started elsewhere (the scheduler, the tray) becomes the one "Backup (running)" shows,
  // unless one this window follows is still running. It never changes the screen the user is on.
  const adopt = useCallback(
    (jobId: string, finished: ReadonlySet<string>) => setCurrentJobId((current) => (current === null || finished.has(current) ? jobId : current)),
    [],
  );
  const { job, lastOutcome } = useJobEvents(currentJobId, adopt);

  useEffect(() => {
    void callMain('getAppState').then((answer) => {
      if (answer.state !== 'ready') {
        setLoadFailed(true);
        return;
      }
      setState(answer.value);
      if (answer.value.runningJob?.kind === 'backup') setCurrentJobId(answer.value.runningJob.jobId);
    });
  }, []);
  // A notification or the tray asks for a screen (and, for Logs, a run).
  useMainEvent('navigate', ({ screen, jobId }) => go(screen, { jobId }));

  const applyStart = useCallback((start: BackupStart) => {
    setStarting(false);
    if (start.status === 'started') {
      setCurrentJobId(start.jobId);
      setStartError(null);
    } else {
      setStartError(start.message);
    }
  }, []);

  const startBackup = useCallback(async () => {
    setCurrentJobId(null);
    setStartError(null);
    setStarting(true);
    go('progress');
    const answer = await callMain('startBackup', { full: false });
    applyStart(answer.state === 'ready' ? answer.value : { status: 'refused', message: answer.problem ?? '' });
  }, [applyStart, go]);

  const onOnboarded = useCallback(
    (next: AppState, start: BackupStart) => {
      setState(next);
      go('progress');
      applyStart(start);
    },
    [applyStart, go],
  );

  const running = job !== null && job.outcome === null;
  const onboarding = state !== null && !state.onboardingComplete;
  useWindowKeys((event) => {
    if (appShortcut(event) !== 'settings') return false;
    go('settings');
    return true;
  }, state !== null && !onboarding);

  return (
    <div className="app-shell">
      <header className="app-header">
        <span className="brand">
          <span className="brand__mark">
            <Icon of={DatabaseBackup} size="heading" />
          </span>
          {strings.appName}
        </span>
        {state && !onboarding && (
          <nav className="main-nav" aria-label={strings.nav.label}>
            <button type="button" className="main-nav__item" aria-current={view === 'home' ? 'page' : undefined} onClick={() => go('home')}>
              {strings.nav.home}
            </button>
            {(['snapshots', 'settings', 'logs'] as const).map((screen) => (
              <button
                key={screen}
                type="button"
                className="main-nav__item"
                aria-current={view === screen ? 'page' : undefined}
                onClick={() => go(screen)}
              >
                {strings.nav[screen]}
              </button>
            ))}
            {(job !== null || starting || startError !== null) && (
              <button
                type="button"
                className="main-nav__item"
                aria-current={view === 'progress' ? 'page' : undefined}
                onClick={() => go('progress')}
              >
                {running ? strings.nav.backupRunning : strings.nav.backup}
              </button>
            )}
          </nav>
        )}
        {info?.demoMode && (
          <span className="demo-badge" title={strings.demoExplanation}>
            {strings.demoBadge}
          </span>
        )}
      </header>
      <main className="app-main">
        {loadFailed && (
          <p className="screen field-error" role="alert">
            {strings.errors.bridge}
          </p>
        )}
        {!state && !loadFailed && (
          <p className="screen muted" role="status">
            {strings.loading}
          </p>
        )}
        {state && onboarding && <Wizard state={state} info={info} onStateChange={setState} onFinished={onOnboarded} />}
        {state && !onboarding && view === 'home' && (
          <HomeScreen
            state={state}
            onStateChange={setState}
            lastOutcome={lastOutcome}
            running={running || starting}
            onBackUpNow={() => void startBackup()}
            onViewProgress={() => go('progress')}
            onOpenSchedule={() => go('settings', { settings: 'schedule' })}
            onOpenSnapshots={() => go('snapshots')}
            onOpenLogs={() => go('logs')}
            platform={info?.platform ?? null}
          />
        )}
        {state && !onboarding && view === 'snapshots' && <SnapshotsScreen onNavigate={go} />}
        {state && !onboarding && view === 'settings' && (
          <UnsavedChangesProvider registry={unsaved}>
            <SettingsScreen key={destination.settings ? destination.seq : 'settings'} onNavigate={go} onStateChange={setState} target={destination.settings} />
          </UnsavedChangesProvider>
        )}
        {state && !onboarding && view === 'logs' && <LogsScreen key={destination.jobId ? destination.seq : 'logs'} onNavigate={go} openJobId={destination.jobId} />}
        {state && !onboarding && view === 'progress' && (
          <ProgressScreen
            job={job}
            starting={starting}
            startError={startError}
            onTryAgain={() => void startBackup()}
            onHome={() => go('home')}
          />
        )}
      </main>
      {leaveGuard.dialog}
      {inBrowserMode() && <PendingDialogs />}
      <footer className="app-footer">
        {info && (
          <>
            <span>{strings.footer.version(info.version)}</span>
            <span className="mono-wrap">{strings.footer.dataDir(info.dataDir)}</span>
          </>
        )}
      </footer>
    </div>
  );
}
