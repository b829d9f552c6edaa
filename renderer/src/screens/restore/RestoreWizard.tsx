import { Check } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { useMemo, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { withToggled } from '../../page-tree';
import { strings } from '../../strings';
import { useMainQuery } from '../../use-main';
import { formatDateTime } from '../../format-date';
import { isEscape, useWindowKeys } from '../../keyboard';
import { useSnapshots } from '../snapshots/useSnapshots';
import type { ChosenItem, DestinationDraft } from './restore-helpers';
import { destinationFrom, restorePlanText, selectionToSend } from './restore-helpers';
import { RestoreReport } from './RestoreReport';
import { StepCheck } from './StepCheck';
import type { DestinationProblem } from './StepDestination';
import { StepDestination } from './StepDestination';
import { StepSelection } from './StepSelection';
import { StepSnapshot } from './StepSnapshot';
import type { RestoreInput } from './useRestoreJob';
import { useRestoreJob } from './useRestoreJob';

const r = strings.restore;
type Step = 0 | 1 | 2 | 3 | 4;

/**
 * The restore wizard: snapshot → what → where → check (a dry run for Notion) → restore with progress
 * and a report. A failed or cancelled restore resumes from its journal by running it again.
 */
export function RestoreWizard({
  snapshotId: initialSnapshot,
  pageId,
  saveAs,
  onDone,
}: {
  snapshotId?: string;
  /** Opened from a page of the snapshot: the selection starts with just that page (or database). */
  pageId?: string;
  /** "Save as Markdown…": the destination starts as a folder in that format. */
  saveAs?: 'markdown';
  onDone?: () => void;
}) {
  const [step, setStep] = useState<Step>(initialSnapshot ? 1 : 0);
  const [snapshotId, setSnapshotId] = useState<string | null>(initialSnapshot ?? null);
  const [mode, setMode] = useState<'all' | 'some'>(pageId ? 'some' : 'all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(pageId ? [pageId] : []));
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const [draft, setDraft] = useState<DestinationDraft>(saveAs ? { kind: 'folder', dir: '', format: saveAs, merge: false } : { kind: 'notion', pickedId: '', pasted: '' });
  const [problem, setProblem] = useState<DestinationProblem | null>(null);
  const tree = useMainQuery('getSnapshotTree', { snapshotId: snapshotId ?? '' }, { enabled: snapshotId !== null });
  const snapshots = useSnapshots();
  const job = useRestoreJob();

  const entries = tree.state === 'ready' ? tree.value.entries : null;
  const parents = useMemo(() => new Map(entries ? entries.map((entry) => [entry.id, entry.parentId]) : []), [entries]);
  const selection = selectionToSend(mode, selected, parents);
  const checked = destinationFrom(draft);

  const input = (dryRun: boolean): RestoreInput | null =>
    snapshotId && checked.ok ? { snapshotId, selection, destination: checked.destination, dryRun } : null;

  const next = () => {
    if (step === 0 && snapshotId) setStep(1);
    if (step === 1) {
      if (mode === 'some' && selection.length === 0) {
        setSelectionError(r.noneSelected);
        return;
      }
      setSelectionError(null);
      setStep(2);
    }
    if (step === 2) {
      if (!checked.ok) {
        setProblem(checked.problem);
        return;
      }
      setProblem(null);
      job.reset();
      const dryRun = input(true);
      if (checked.destination.kind === 'notion' && dryRun) void job.start(dryRun);
      setStep(3);
    }
  };

  const back = () => {
    if (step === 3 && job.run.phase === 'started' && !job.events.outcome) void job.cancel();
    setStep((current) => (current > 0 ? ((current - 1) as Step) : current));
  };

  const startReal = () => {
    const real = input(false);
    if (!real) return;
    setStep(4);
    void job.start(real);
  };

  const targetLabel = draft.kind === 'notion' ? draft.pasted.trim() || draft.pickedTitle || draft.pickedId : '';
  const snapshotTime = snapshots.newestFirst?.find((snapshot) => snapshot.id === snapshotId)?.time ?? null;
  const chosen: ChosenItem[] = selection.flatMap((id) => {
    const entry = entries?.find((candidate) => candidate.id === id);
    return entry ? [{ title: entry.title, object: entry.object }] : [];
  });
  const plan = checked.ok
    ? restorePlanText({
        chosen,
        snapshotDate: snapshotTime ? formatDateTime(snapshotTime) : null,
        destination: checked.destination.kind === 'notion' ? { kind: 'notion', target: targetLabel } : checked.destination,
      })
    : '';
  const firstStep = initialSnapshot ? 1 : 0;
  const jobRunning = job.run.phase === 'starting' || (job.run.phase === 'started' && !job.events.outcome);
  const running = step === 4 || (step === 3 && jobRunning);
  // Escape leaves the wizard, as its Cancel or Done does, but never while a dry run or a restore runs.
  useWindowKeys((event) => {
    if (!onDone || jobRunning || !isEscape(event)) return false;
    onDone();
    return true;
  }, onDone !== undefined);

  return (
    <div className="wizard restore-wizard">
      <nav className="steps" aria-label={r.stepsLabel}>
        <ol>
          {r.steps.map((label, index) => (
            <li key={label} className={index === step ? 'steps__item--current' : index < step ? 'steps__item--done' : undefined}>
              <span className="steps__button" aria-current={index === step ? 'step' : undefined}>
                <span className="steps__number" aria-hidden="true">
                  {index < step ? <Icon of={Check} /> : index + 1}
                </span>
                {label}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      <div className="wizard__body" data-testid="restore-wizard">
        <p className="step-of">{strings.wizard.stepOf(step + 1, r.steps.length)}</p>
        <ScreenHeading key={step}>{`${r.title}: ${r.steps[step]}`}</ScreenHeading>
        {step === 0 && <StepSnapshot snapshots={snapshots} value={snapshotId} onChange={setSnapshotId} />}
        {step === 1 && (
          <StepSelection
            tree={tree}
            mode={mode}
            onMode={setMode}
            selected={selected}
            onToggle={(id, on) => setSelected((current) => withToggled(current, id, on))}
            error={selectionError}
          />
        )}
        {step === 2 && <StepDestination draft={draft} onChange={setDraft} problem={problem} />}
        {step === 3 && checked.ok && (
          <StepCheck
            destination={checked.destination}
            plan={plan}
            run={job.run}
            events={job.events}
            onStart={startReal}
            onCancelCheck={() => void job.cancel()}
          />
        )}
        {step === 4 && (
          <RestoreReport
            run={job.run}
            events={job.events}
            cancelling={job.cancelling}
            onCancel={() => void job.cancel()}
            onResume={() => {
              if (job.run.phase !== 'idle') void job.start({ ...job.run.input, dryRun: false });
            }}
            onChangeDestination={() => setStep(2)}
            onAgain={() => {
              job.reset();
              setStep(1);
            }}
            onDone={() => onDone?.()}
          />
        )}
        {step < 4 && (
          <div className="wizard__actions">
            {step > firstStep ? (
              <button type="button" className="button button--quiet" onClick={back}>
                {r.back}
              </button>
            ) : onDone ? (
              <button type="button" className="button button--quiet" onClick={onDone}>
                {r.cancelWizard}
              </button>
            ) : (
              <span />
            )}
            {step < 3 && (
              <button type="button" className="button" onClick={next} disabled={(step === 0 && !snapshotId) || running || (step === 1 && !entries)}>
                {r.continue}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
