import type { ReactNode } from 'react';
import { useId } from 'react';
import type { PlakarDetection } from '../../../shared/ipc/contract';
import { strings } from '../strings';

/**
 * "Choose the plakar program…": main opens its file dialog, runs `plakar version` and asks before
 * trusting an unusual folder. `hint` says what happens, or which program is used now.
 */
export function ChoosePlakarButton({
  label,
  hint,
  busy,
  primary = false,
  className,
  onChoose,
  children,
}: {
  /** A heading for the control, where nothing around it says what it is about. */
  label?: string;
  hint: string;
  busy: boolean;
  primary?: boolean;
  className?: string;
  onChoose: () => void;
  /** Other actions shown beside the button. */
  children?: ReactNode;
}) {
  const hintId = useId();
  return (
    <div className={className ? `field ${className}` : 'field'}>
      {label && <p className="field-label">{label}</p>}
      <div className="button-row">
        <button type="button" className={primary ? 'button' : 'button button--secondary'} onClick={onChoose} disabled={busy} aria-describedby={hintId}>
          {strings.plakar.choose}
        </button>
        {children}
      </div>
      <p id={hintId} className="field-help wrap-anywhere">
        {hint}
      </p>
    </div>
  );
}

/** What main found out about a plakar program: its version, or what is wrong and how to install plakar. */
export function PlakarDetectionView({ detection }: { detection: PlakarDetection }) {
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
        <PlakarProblem title={strings.plakar.tooOldTitle}>
          <p>{strings.plakar.tooOld(detection.version, detection.minimumVersion)}</p>
        </PlakarProblem>
      );
    case 'unusable':
      return (
        <PlakarProblem title={strings.plakar.unusableTitle}>
          <p className="mono-wrap">{strings.plakar.unusable(detection.path, detection.reason)}</p>
        </PlakarProblem>
      );
    case 'not-found':
      return (
        <PlakarProblem title={strings.plakar.notFoundTitle} after={<p className="muted">{strings.plakar.searchedIn(detection.searched.length)}</p>}>
          <p>{strings.plakar.notFoundBody}</p>
        </PlakarProblem>
      );
  }
}

/** An alert: what is wrong with plakar (`title`, then `children`), how to install it, then `after`. */
function PlakarProblem({ title, after, children }: { title: string; after?: ReactNode; children: ReactNode }) {
  return (
    <div role="alert">
      <p className="problem-title">{title}</p>
      {children}
      <InstallHelp />
      {after}
    </div>
  );
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
