import type { FormEvent, ReactNode } from 'react';
import { useId, useReducer, useRef } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { ProblemLine } from '../../components/CallStatus';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { strings } from '../../strings';
import { callMain, useMainTask } from '../../use-main';
import type { StoreDraft, StoreField, StoreMode } from './store-form';
import { errorsForProblem, firstInvalid, initialStoreDraft, setupInput, storeReducer, validateStore } from './store-form';
import { StoreLocationField, StorePassphraseFields } from './StoreFields';

/**
 * Create a new store (encrypted unless the user insists) or open an existing one: the onboarding's
 * step and Settings → "Change store…". Main's problems are shown next to the field they are about.
 * `actions` renders the buttons (submit included) for where the form is used.
 */
export function StoreForm({
  initialMode,
  modeLegend,
  platform,
  label,
  className,
  children,
  onStateChange,
  onDone,
  actions,
}: {
  initialMode: StoreMode;
  modeLegend: string;
  platform: string;
  label?: string;
  className: string;
  /** Shown first, inside the form. */
  children?: ReactNode;
  onStateChange: (state: AppState) => void;
  onDone: (location: string) => void;
  actions: (status: { busy: boolean; creating: boolean }) => ReactNode;
}) {
  const [draft, dispatch] = useReducer(storeReducer, initialMode, initialStoreDraft);
  const locationRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const savedRef = useRef<HTMLInputElement>(null);
  const modeName = useId();
  const creating = draft.mode === 'create';

  // Set up the store, then read the state it left (a new encrypted store: its passphrase is saved).
  const setup = useMainTask(async (current: StoreDraft) => {
    const answer = await callMain('setupStore', setupInput(current));
    if (answer.state === 'ready') {
      const after = await callMain(answer.value.created && answer.value.encrypted ? 'confirmPassphraseSaved' : 'getAppState');
      if (after.state === 'ready') onStateChange(after.value);
    }
    return answer;
  });

  function showErrors(errors: ReturnType<typeof validateStore>, formError: string | null = null) {
    dispatch({ type: 'errors', errors, formError });
    const inputs: Record<StoreField, HTMLInputElement | null> = {
      location: locationRef.current,
      passphrase: passphraseRef.current,
      confirm: confirmRef.current,
      saved: savedRef.current,
    };
    const field = firstInvalid(errors);
    if (field) inputs[field]?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateStore(draft);
    showErrors(found);
    if (firstInvalid(found)) return;
    const answer = await setup.run(draft);
    if (answer.state === 'ready') onDone(answer.value.location);
    if (answer.state !== 'problem') return;
    const problem = answer.problemAnswer;
    if (problem && problem.problem !== 'insecure-secret-storage') {
      showErrors(errorsForProblem(problem.problem, problem.message));
      return;
    }
    // Secrets cannot be kept (yet): the state says so, and the gate around the form asks again.
    if (problem) {
      const refreshed = await callMain('getAppState');
      if (refreshed.state === 'ready') onStateChange(refreshed.value);
    }
    dispatch({ type: 'errors', errors: {}, formError: answer.problem });
  }

  const switchMode = (mode: StoreMode) => dispatch({ type: 'mode', mode });

  return (
    <form className={className} onSubmit={(event) => void submit(event)} aria-label={label} noValidate>
      {children}
      <fieldset className="choice-group">
        <legend>{modeLegend}</legend>
        <ChoiceRadio name={modeName} checked={creating} onChange={() => switchMode('create')} label={strings.store.create} hint={strings.store.createHint} />
        <ChoiceRadio name={modeName} checked={!creating} onChange={() => switchMode('open')} label={strings.store.open} hint={strings.store.openHint} />
      </fieldset>
      <StoreLocationField draft={draft} dispatch={dispatch} platform={platform} inputRef={locationRef} onSwitchMode={switchMode} />
      <StorePassphraseFields draft={draft} dispatch={dispatch} passphraseRef={passphraseRef} confirmRef={confirmRef} savedRef={savedRef} />
      <ProblemLine message={draft.formError} />
      {actions({ busy: setup.state === 'loading', creating })}
    </form>
  );
}
