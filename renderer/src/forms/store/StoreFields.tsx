import type { Dispatch, RefObject } from 'react';
import { useId } from 'react';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import type { FieldControl } from '../../components/Field';
import { Field } from '../../components/Field';
import { PassphraseStrength } from '../../components/PassphraseStrength';
import { strings } from '../../strings';
import type { StoreAction, StoreDraft, StoreMode } from './store-form';
import { needsNewPassphrase } from './store-form';

const s = strings.store;

/** Where the store is: typed, or chosen in main's folder dialog; main's problem with it, and the way out. */
export function StoreLocationField({
  draft,
  dispatch,
  platform,
  inputRef,
  onSwitchMode,
}: {
  draft: StoreDraft;
  dispatch: Dispatch<StoreAction>;
  platform: string;
  inputRef: RefObject<HTMLInputElement | null>;
  onSwitchMode: (mode: StoreMode) => void;
}) {
  const { errors } = draft;
  const problemHint = errors.problem ? s.problemHint[errors.problem] : undefined;
  const setLocation = (value: string) => dispatch({ type: 'edit', field: 'location', value });
  return (
    <Field
      label={s.locationLabel}
      hint={
        <>
          <p>{draft.mode === 'create' ? s.locationHelpCreate : s.locationHelpOpen}</p>
          <p>{s.locationHelpAdvanced}</p>
        </>
      }
      error={errors.location}
      errorDetail={
        <>
          {problemHint && <p>{problemHint}</p>}
          {errors.problem === 'store-exists' && (
            <button type="button" className="button button--secondary" onClick={() => onSwitchMode('open')}>
              {s.openInstead}
            </button>
          )}
          {errors.problem === 'not-a-store' && (
            <button type="button" className="button button--secondary" onClick={() => onSwitchMode('create')}>
              {s.createInstead}
            </button>
          )}
        </>
      }
    >
      {(control) => (
        <div className="input-row">
          <input
            {...control}
            ref={inputRef}
            className="input input--mono"
            value={draft.location}
            onChange={(event) => setLocation(event.target.value)}
            placeholder={s.locationPlaceholder(platform)}
            spellCheck={false}
            autoComplete="off"
          />
          <ChooseFolderButton purpose="store" label={strings.folders.chooseStore} onChosen={setLocation} />
        </div>
      )}
    </Field>
  );
}

/**
 * Encryption (for a new store), the passphrase with its strength, typed again, shown on demand, and
 * the confirmation that it is saved somewhere; for an existing store, its passphrase only.
 */
export function StorePassphraseFields({
  draft,
  dispatch,
  passphraseRef,
  confirmRef,
  savedRef,
}: {
  draft: StoreDraft;
  dispatch: Dispatch<StoreAction>;
  passphraseRef: RefObject<HTMLInputElement | null>;
  confirmRef: RefObject<HTMLInputElement | null>;
  savedRef: RefObject<HTMLInputElement | null>;
}) {
  const strengthId = useId();
  const encryptionName = useId();
  const { errors, reveal } = draft;
  const creating = draft.mode === 'create';
  const newPassphrase = needsNewPassphrase(draft);
  const problemHint = errors.problem ? s.problemHint[errors.problem] : undefined;
  const edit = (field: 'passphrase' | 'confirm', value: string) => dispatch({ type: 'edit', field, value });
  return (
    <>
      {creating && (
        <fieldset className="choice-group">
          <legend>{s.encryptionLegend}</legend>
          <ChoiceRadio name={encryptionName} checked={!draft.plaintext} onChange={() => dispatch({ type: 'plaintext', value: false })} label={s.encrypted} />
          <ChoiceRadio
            name={encryptionName}
            checked={draft.plaintext}
            onChange={() => dispatch({ type: 'plaintext', value: true })}
            label={s.plaintext}
            hint={s.plaintextWarning}
            warn
          />
        </fieldset>
      )}
      {(!creating || newPassphrase) && (
        <>
          <Field
            label={creating ? s.passphraseLabel : s.openPassphraseLabel}
            hint={creating ? s.passphraseHelp : s.openPassphraseHelp}
            error={errors.passphrase}
            errorDetail={problemHint && <p>{problemHint}</p>}
            after={creating && <PassphraseStrength passphrase={draft.passphrase} id={strengthId} />}
            describedBy={creating ? [strengthId] : []}
          >
            {(control) => (
              <PassphraseInput
                control={control}
                inputRef={passphraseRef}
                reveal={reveal}
                value={draft.passphrase}
                onEdit={(value) => edit('passphrase', value)}
                autoComplete={creating ? 'new-password' : 'current-password'}
              />
            )}
          </Field>
          {creating && (
            <Field label={s.confirmLabel} error={errors.confirm}>
              {(control) => (
                <PassphraseInput
                  control={control}
                  inputRef={confirmRef}
                  reveal={reveal}
                  value={draft.confirm}
                  onEdit={(value) => edit('confirm', value)}
                  autoComplete="new-password"
                />
              )}
            </Field>
          )}
          <CheckRow checked={reveal} onChange={(value) => dispatch({ type: 'reveal', value })} label={s.show} />
          {creating && (
            <CheckRow
              strong
              checked={draft.saved}
              onChange={(value) => dispatch({ type: 'saved', value })}
              label={s.savedLabel}
              error={errors.saved ?? null}
              inputRef={savedRef}
            />
          )}
        </>
      )}
    </>
  );
}

/** A passphrase box: hidden unless `reveal`, never spell-checked. */
function PassphraseInput({
  control,
  inputRef,
  reveal,
  value,
  onEdit,
  autoComplete,
}: {
  control: FieldControl;
  inputRef: RefObject<HTMLInputElement | null>;
  reveal: boolean;
  value: string;
  onEdit: (value: string) => void;
  autoComplete: 'new-password' | 'current-password';
}) {
  return (
    <input
      {...control}
      ref={inputRef}
      className="input"
      type={reveal ? 'text' : 'password'}
      value={value}
      onChange={(event) => onEdit(event.target.value)}
      autoComplete={autoComplete}
      spellCheck={false}
    />
  );
}
