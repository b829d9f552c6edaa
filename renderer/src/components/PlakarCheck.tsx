import { useEffect, useId, useState } from 'react';
import type { PlakarDetection } from '../../../shared/ipc/contract';
import { getBackupApp } from '../bridge';
import { strings } from '../strings';
import type { Status } from './StatusIcon';
import { StatusIcon } from './StatusIcon';

type CheckState = { phase: 'checking' } | { phase: 'done'; detection: PlakarDetection } | { phase: 'failed' };

/** Is plakar installed (and new enough)? If not: how to install it, or where it is. */
export function PlakarCheck({ onResult }: { onResult: (found: boolean) => void }) {
  const [state, setState] = useState<CheckState>({ phase: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const chooseHelpId = useId();

  useEffect(() => {
    let cancelled = false;
    void getBackupApp()
      .detectPlakar()
      .then((result) => {
        if (cancelled) return;
        setState(result.ok ? { phase: 'done', detection: result.value } : { phase: 'failed' });
        onResult(result.ok && result.value.status === 'found');
      });
    return () => {
      cancelled = true;
    };
  }, [attempt, onResult]);

  const checkAgain = () => {
    setState({ phase: 'checking' });
    setAttempt((count) => count + 1);
  };

  /** Main opens the file dialog, checks the program, and asks before trusting an unusual folder. */
  async function chooseProgram() {
    const previous = state;
    setState({ phase: 'checking' });
    const result = await getBackupApp().choosePlakarBinary();
    if (result.ok && result.value.status === 'cancelled') {
      setState(previous);
      return;
    }
    setState(result.ok && result.value.status !== 'cancelled' ? { phase: 'done', detection: result.value } : { phase: 'failed' });
    onResult(result.ok && result.value.status === 'found');
  }

  const status: Status =
    state.phase === 'checking' ? 'pending' : state.phase === 'done' && state.detection.status === 'found' ? 'ok' : 'problem';

  return (
    <section className="check-card" aria-labelledby="plakar-check-title" data-testid="plakar-check">
      <h3 id="plakar-check-title" className="check-card__title">
        <StatusIcon status={status} />
        {strings.plakar.title}
      </h3>
      <div className="check-card__body" aria-live="polite">
        <PlakarCheckBody state={state} />
      </div>
      {status === 'problem' && (
        <>
          <button type="button" className="button button--secondary" onClick={checkAgain}>
            {strings.plakar.checkAgain}
          </button>
          <div className="field field--spaced">
            <button type="button" className="button" onClick={() => void chooseProgram()} aria-describedby={chooseHelpId}>
              {strings.plakar.choose}
            </button>
            <p id={chooseHelpId} className="field-help">
              {strings.plakar.chooseHelp}
            </p>
          </div>
        </>
      )}
    </section>
  );
}

function PlakarCheckBody({ state }: { state: CheckState }) {
  if (state.phase === 'checking') return <p>{strings.plakar.checking}</p>;
  if (state.phase === 'failed') return <p role="alert">{strings.errors.bridge}</p>;
  const { detection } = state;
  switch (detection.status) {
    case 'found':
      return (
        <>
          <p>{strings.plakar.found(detection.version)}</p>
          <p className="muted mono-wrap">{strings.plakar.foundAt(detection.path)}</p>
          {detection.warning ? <p className="choice__hint--warn">{detection.warning}</p> : null}
        </>
      );
    case 'too-old':
      return (
        <div role="alert">
          <p className="problem-title">{strings.plakar.tooOldTitle}</p>
          <p>{strings.plakar.tooOld(detection.version, detection.minimumVersion)}</p>
          <InstallHelp />
        </div>
      );
    case 'unusable':
      return (
        <div role="alert">
          <p className="problem-title">{strings.plakar.unusableTitle}</p>
          <p className="mono-wrap">{strings.plakar.unusable(detection.path, detection.reason)}</p>
          <InstallHelp />
        </div>
      );
    case 'not-found':
      return (
        <div role="alert">
          <p className="problem-title">{strings.plakar.notFoundTitle}</p>
          <p>{strings.plakar.notFoundBody}</p>
          <InstallHelp />
          <p className="muted">{strings.plakar.searchedIn(detection.searched.length)}</p>
        </div>
      );
  }
}

function InstallHelp() {
  return (
    <>
      <p>{strings.plakar.installHint}</p>
      <p>
        <a href="https://plakar.io" target="_blank" rel="noreferrer">
          {strings.plakar.installLink}
        </a>
      </p>
      <p className="muted">{strings.plakar.customPathHint}</p>
    </>
  );
}
