import type { StoreSetupInput, StoreSetupResult } from '../../../../shared/ipc/app-schemas';
import { assessPassphrase } from '../../../../shared/passphrase-policy';
import { strings } from '../../strings';

export type StoreMode = StoreSetupInput['mode'];
export type StoreProblem = Extract<StoreSetupResult, { status: 'problem' }>['problem'];
export type StoreField = 'location' | 'passphrase' | 'confirm' | 'saved';

/** What is wrong, field by field; `problem` is main's code for the location's or passphrase's error. */
export type StoreErrors = Partial<Record<StoreField, string>> & { problem?: StoreProblem };

/** The store form: what the user typed and chose, and what is wrong with it. */
export interface StoreDraft {
  mode: StoreMode;
  location: string;
  plaintext: boolean;
  passphrase: string;
  confirm: string;
  saved: boolean;
  reveal: boolean;
  errors: StoreErrors;
  /** A problem that is about no field (the app could not answer, secrets cannot be kept). */
  formError: string | null;
}

export type StoreAction =
  | { type: 'mode'; mode: StoreMode }
  | { type: 'edit'; field: 'location' | 'passphrase' | 'confirm'; value: string }
  | { type: 'saved'; value: boolean }
  | { type: 'plaintext'; value: boolean }
  | { type: 'reveal'; value: boolean }
  | { type: 'errors'; errors: StoreErrors; formError?: string | null };

const PASSPHRASE_PROBLEMS: ReadonlySet<StoreProblem> = new Set(['weak-passphrase', 'passphrase-missing', 'passphrase-wrong']);
const FOCUS_ORDER: readonly StoreField[] = ['location', 'passphrase', 'confirm', 'saved'];

export function initialStoreDraft(mode: StoreMode): StoreDraft {
  return { mode, location: '', plaintext: false, passphrase: '', confirm: '', saved: false, reveal: false, errors: {}, formError: null };
}

/** Creating an encrypted store: the passphrase is new, so it is typed twice and its saving confirmed. */
export function needsNewPassphrase(draft: StoreDraft): boolean {
  return draft.mode === 'create' && !draft.plaintext;
}

/** Editing a field clears its error (and main's problem code with the location's or passphrase's). */
function withoutError(errors: StoreErrors, field: StoreField): StoreErrors {
  if (!errors[field]) return errors;
  const next = { ...errors };
  delete next[field];
  if (field === 'location' || field === 'passphrase') delete next.problem;
  return next;
}

export function storeReducer(draft: StoreDraft, action: StoreAction): StoreDraft {
  switch (action.type) {
    case 'mode':
      return { ...draft, mode: action.mode, errors: {}, formError: null };
    case 'edit':
      return { ...draft, [action.field]: action.value, errors: withoutError(draft.errors, action.field) };
    case 'saved':
      return { ...draft, saved: action.value, errors: withoutError(draft.errors, 'saved') };
    case 'plaintext':
      return { ...draft, plaintext: action.value };
    case 'reveal':
      return { ...draft, reveal: action.value };
    case 'errors':
      return { ...draft, errors: action.errors, formError: action.formError ?? null };
  }
}

/** What the form can tell before asking main. */
export function validateStore(draft: StoreDraft): StoreErrors {
  const found: StoreErrors = {};
  if (!draft.location.trim()) found.location = strings.store.locationEmpty;
  if (needsNewPassphrase(draft)) {
    const assessment = assessPassphrase(draft.passphrase);
    if (!assessment.acceptable) found.passphrase = assessment.message;
    else if (draft.confirm !== draft.passphrase) found.confirm = strings.store.mismatch;
    if (!draft.saved) found.saved = strings.store.savedRequired;
  }
  return found;
}

/** What main gets: opening with no passphrase means the store is not encrypted. */
export function setupInput(draft: StoreDraft): StoreSetupInput {
  const creating = draft.mode === 'create';
  const openPlain = !creating && draft.passphrase === '';
  return {
    mode: draft.mode,
    location: draft.location.trim(),
    passphrase: (creating && draft.plaintext) || openPlain ? null : draft.passphrase,
    plaintext: creating ? draft.plaintext : openPlain,
  };
}

/** Main's problem, next to the field it is about. */
export function errorsForProblem(problem: StoreProblem, message: string): StoreErrors {
  return PASSPHRASE_PROBLEMS.has(problem) ? { passphrase: message, problem } : { location: message, problem };
}

/** The field the focus goes to: the first one that is wrong. */
export function firstInvalid(errors: StoreErrors): StoreField | null {
  return FOCUS_ORDER.find((field) => errors[field]) ?? null;
}
