import type { FormEvent } from 'react';
import { useId, useRef, useState } from 'react';
import type { StoreSetupResult } from '../../../../shared/ipc/app-schemas';
import { assessPassphrase } from '../../../../shared/passphrase-policy';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { getBackupApp } from '../../bridge';
import { describedBy, FieldError } from '../../components/Field';
import { PassphraseStrength } from '../../components/PassphraseStrength';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { ScreenHeading } from '../../components/ScreenHeading';
import { SecretStorageGate } from '../../components/SecretStorageGate';
import { strings } from '../../strings';
import type { StepProps } from './step-props';

type Mode = 'create' | 'open';
type Problem = Extract<StoreSetupResult, { status: 'problem' }>['problem'];
interface Errors {
  location?: string;
  passphrase?: string;
  confirm?: string;
  saved?: string;
  problem?: Problem;
}

const PASSPHRASE_PROBLEMS: ReadonlySet<Problem> = new Set(['weak-passphrase', 'passphrase-missing', 'passphrase-wrong']);

/** Step 2: create a new store (encrypted by default) or open an existing one. */
export function StepStore({ state, info, onStateChange, onNext, onBack }: StepProps) {
  const current = state.settings.store;
  const [mode, setMode] = useState<Mode>('create');
  const [location, setLocation] = useState('');
  const [plaintext, setPlaintext] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [saved, setSaved] = useState(false);
  const [reveal, setReveal] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [otherError, setOtherError] = useState<string | null>(null);
  const ids = {
    location: useId(),
    locationHelp: useId(),
    locationError: useId(),
    passphrase: useId(),
    passphraseHelp: useId(),
    passphraseError: useId(),
    strength: useId(),
    confirm: useId(),
    confirmError: useId(),
    saved: useId(),
    savedError: useId(),
    reveal: useId(),
  };
  const locationRef = useRef<HTMLInputElement>(null);
  const passphraseRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);
  const savedRef = useRef<HTMLInputElement>(null);
  const platform = info?.platform ?? 'linux';
  const creating = mode === 'create';
  const encrypted = !creating || !plaintext;
  const needsNewPassphrase = creating && !plaintext;

  function switchMode(next: Mode) {
    setMode(next);
    setErrors({});
    setOtherError(null);
  }

  function clearError(field: 'location' | 'passphrase' | 'confirm' | 'saved') {
    setErrors((current) => {
      if (!current[field]) return current;
      const next = { ...current };
      delete next[field];
      if (field === 'location' || field === 'passphrase') delete next.problem;
      return next;
    });
  }

  function validate(): Errors {
    const found: Errors = {};
    if (!location.trim()) found.location = strings.store.locationEmpty;
    if (needsNewPassphrase) {
      const assessment = assessPassphrase(passphrase);
      if (!assessment.acceptable) found.passphrase = assessment.message;
      else if (confirm !== passphrase) found.confirm = strings.store.mismatch;
      if (!saved) found.saved = strings.store.savedRequired;
    }
    return found;
  }

  function focusFirst(found: Errors) {
    if (found.location) locationRef.current?.focus();
    else if (found.passphrase) passphraseRef.current?.focus();
    else if (found.confirm) confirmRef.current?.focus();
    else if (found.saved) savedRef.current?.focus();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setOtherError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    setBusy(true);
    const app = getBackupApp();
    const openPlain = !creating && passphrase === '';
    const result = await app.setupStore({
      mode,
      location: location.trim(),
      passphrase: (creating && plaintext) || openPlain ? null : passphrase,
      plaintext: creating ? plaintext : openPlain,
    });
    if (!result.ok) {
      setBusy(false);
      setOtherError(result.error.message);
      return;
    }
    const setup = result.value;
    if (setup.status === 'problem') {
      setBusy(false);
      if (setup.problem === 'insecure-secret-storage') {
        const refreshed = await app.getAppState();
        if (refreshed.ok) onStateChange(refreshed.value);
        setOtherError(setup.message);
        return;
      }
      const next: Errors = PASSPHRASE_PROBLEMS.has(setup.problem)
        ? { passphrase: setup.message, problem: setup.problem }
        : { location: setup.message, problem: setup.problem };
      setErrors(next);
      focusFirst(next);
      return;
    }
    const after = setup.created && setup.encrypted ? await app.confirmPassphraseSaved() : await app.getAppState();
    setBusy(false);
    if (after.ok) onStateChange(after.value);
    onNext();
  }

  const problemHint = errors.problem ? strings.store.problemHint[errors.problem] : undefined;

  return (
    <>
      <ScreenHeading>{strings.store.title}</ScreenHeading>
      <p className="lead">{strings.store.lead}</p>
      {current && (
        <div className="info-note">
          <p>{strings.store.ready(current.location)}</p>
          <button type="button" className="button button--secondary" onClick={onNext}>
            {strings.wizard.continue}
          </button>
        </div>
      )}
      <SecretStorageGate state={state} onStateChange={onStateChange}>
        <form className="card form" onSubmit={(event) => void submit(event)} noValidate>
          <fieldset className="choice-group">
            <legend>{strings.store.modeLegend}</legend>
            <ChoiceRadio name="store-mode" checked={creating} onChange={() => switchMode('create')} label={strings.store.create} hint={strings.store.createHint} />
            <ChoiceRadio name="store-mode" checked={!creating} onChange={() => switchMode('open')} label={strings.store.open} hint={strings.store.openHint} />
          </fieldset>

          <div className="field">
            <label htmlFor={ids.location}>{strings.store.locationLabel}</label>
            <div className="input-row">
              <input
                id={ids.location}
                ref={locationRef}
                className="input input--mono"
                value={location}
                onChange={(event) => {
                  setLocation(event.target.value);
                  clearError('location');
                }}
                placeholder={strings.store.locationPlaceholder(platform)}
                spellCheck={false}
                autoComplete="off"
                aria-invalid={errors.location ? true : undefined}
                aria-describedby={describedBy(ids.locationHelp, ids.locationError, errors.location)}
              />
              <ChooseFolderButton
                purpose="store"
                label={strings.folders.chooseStore}
                onChosen={(chosen) => {
                  setLocation(chosen);
                  clearError('location');
                }}
              />
            </div>
            <FieldError id={ids.locationError} message={errors.location}>
              {problemHint && <p>{problemHint}</p>}
              {errors.problem === 'store-exists' && (
                <button type="button" className="button button--secondary" onClick={() => switchMode('open')}>
                  {strings.store.openInstead}
                </button>
              )}
              {errors.problem === 'not-a-store' && (
                <button type="button" className="button button--secondary" onClick={() => switchMode('create')}>
                  {strings.store.createInstead}
                </button>
              )}
            </FieldError>
            <div id={ids.locationHelp} className="field-help">
              <p>{creating ? strings.store.locationHelpCreate : strings.store.locationHelpOpen}</p>
              <p>{strings.store.locationHelpAdvanced}</p>
            </div>
          </div>

          {creating && (
            <fieldset className="choice-group">
              <legend>{strings.store.encryptionLegend}</legend>
              <ChoiceRadio name="store-encryption" checked={!plaintext} onChange={() => setPlaintext(false)} label={strings.store.encrypted} />
              <ChoiceRadio
                name="store-encryption"
                checked={plaintext}
                onChange={() => setPlaintext(true)}
                label={strings.store.plaintext}
                hint={strings.store.plaintextWarning}
                warn
              />
            </fieldset>
          )}

          {encrypted && (
            <>
              <div className="field">
                <label htmlFor={ids.passphrase}>{creating ? strings.store.passphraseLabel : strings.store.openPassphraseLabel}</label>
                <input
                  id={ids.passphrase}
                  ref={passphraseRef}
                  className="input"
                  type={reveal ? 'text' : 'password'}
                  value={passphrase}
                  onChange={(event) => {
                    setPassphrase(event.target.value);
                    clearError('passphrase');
                  }}
                  autoComplete={creating ? 'new-password' : 'current-password'}
                  spellCheck={false}
                  aria-invalid={errors.passphrase ? true : undefined}
                  aria-describedby={[describedBy(ids.passphraseHelp, ids.passphraseError, errors.passphrase), creating ? ids.strength : null]
                    .filter(Boolean)
                    .join(' ')}
                />
                <FieldError id={ids.passphraseError} message={errors.passphrase}>
                  {problemHint && <p>{problemHint}</p>}
                </FieldError>
                {creating && <PassphraseStrength passphrase={passphrase} id={ids.strength} />}
                <p id={ids.passphraseHelp} className="field-help">
                  {creating ? strings.store.passphraseHelp : strings.store.openPassphraseHelp}
                </p>
              </div>
              {creating && (
                <div className="field">
                  <label htmlFor={ids.confirm}>{strings.store.confirmLabel}</label>
                  <input
                    id={ids.confirm}
                    ref={confirmRef}
                    className="input"
                    type={reveal ? 'text' : 'password'}
                    value={confirm}
                    onChange={(event) => {
                      setConfirm(event.target.value);
                      clearError('confirm');
                    }}
                    autoComplete="new-password"
                    spellCheck={false}
                    aria-invalid={errors.confirm ? true : undefined}
                    aria-describedby={describedBy(null, ids.confirmError, errors.confirm)}
                  />
                  <FieldError id={ids.confirmError} message={errors.confirm} />
                </div>
              )}
              <div className="check-row">
                <input id={ids.reveal} type="checkbox" checked={reveal} onChange={(event) => setReveal(event.target.checked)} />
                <label htmlFor={ids.reveal}>{strings.store.show}</label>
              </div>
              {creating && (
                <div className="field">
                  <div className="check-row check-row--strong">
                    <input
                      id={ids.saved}
                      ref={savedRef}
                      type="checkbox"
                      checked={saved}
                      onChange={(event) => {
                        setSaved(event.target.checked);
                        clearError('saved');
                      }}
                      aria-invalid={errors.saved ? true : undefined}
                      aria-describedby={describedBy(null, ids.savedError, errors.saved)}
                    />
                    <label htmlFor={ids.saved}>{strings.store.savedLabel}</label>
                  </div>
                  <FieldError id={ids.savedError} message={errors.saved} />
                </div>
              )}
            </>
          )}

          {otherError && (
            <p className="field-error" role="alert">
              {otherError}
            </p>
          )}
          <div className="wizard__actions">
            <button type="button" className="button button--ghost" onClick={onBack}>
              {strings.wizard.back}
            </button>
            <span className="button-row">
              {busy && (
                <span role="status" className="muted">
                  {creating ? strings.store.creating : strings.store.opening}
                </span>
              )}
              <button type="submit" className="button" disabled={busy}>
                {creating ? strings.store.submitCreate : strings.store.submitOpen}
              </button>
            </span>
          </div>
        </form>
      </SecretStorageGate>
      {!(state.secretStorage.secure || state.settings.acceptInsecureSecretStorage) && (
        <div className="wizard__actions">
          <button type="button" className="button button--ghost" onClick={onBack}>
            {strings.wizard.back}
          </button>
        </div>
      )}
    </>
  );
}
