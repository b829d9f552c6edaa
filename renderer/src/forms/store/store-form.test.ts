import { describe, expect, it } from 'vitest';
import { strings } from '../../strings';
import type { StoreDraft } from './store-form';
import { errorsForProblem, firstInvalid, initialStoreDraft, setupInput, storeReducer, validateStore } from './store-form';

const STRONG = 'correct horse battery staple 42';

function draft(change: Partial<StoreDraft>): StoreDraft {
  return { ...initialStoreDraft('create'), ...change };
}

describe('validateStore', () => {
  it('asks for a location, a good passphrase typed twice and the promise it is saved', () => {
    const errors = validateStore(draft({ passphrase: 'short' }));
    expect(errors.location).toBe(strings.store.locationEmpty);
    expect(errors.passphrase).toBeTruthy();
    expect(errors.saved).toBe(strings.store.savedRequired);
    expect(firstInvalid(errors)).toBe('location');
    expect(validateStore(draft({ location: '/b', passphrase: STRONG, confirm: 'other', saved: true }))).toEqual({ confirm: strings.store.mismatch });
    expect(validateStore(draft({ location: '/b', passphrase: STRONG, confirm: STRONG, saved: true }))).toEqual({});
  });

  it('asks nothing more than a location for a plaintext store or an existing one', () => {
    expect(validateStore(draft({ location: '/b', plaintext: true }))).toEqual({});
    expect(validateStore({ ...initialStoreDraft('open'), location: '/b' })).toEqual({});
  });
});

describe('setupInput', () => {
  it('sends the passphrase of an encrypted store, and none for a plaintext one', () => {
    expect(setupInput(draft({ location: ' /b ', passphrase: STRONG }))).toEqual({ mode: 'create', location: '/b', passphrase: STRONG, plaintext: false });
    expect(setupInput(draft({ location: '/b', passphrase: STRONG, plaintext: true }))).toEqual({ mode: 'create', location: '/b', passphrase: null, plaintext: true });
  });

  it('opens a store without a passphrase as a store that is not encrypted', () => {
    expect(setupInput({ ...initialStoreDraft('open'), location: '/b' })).toEqual({ mode: 'open', location: '/b', passphrase: null, plaintext: true });
    expect(setupInput({ ...initialStoreDraft('open'), location: '/b', passphrase: 'x' })).toEqual({ mode: 'open', location: '/b', passphrase: 'x', plaintext: false });
  });
});

describe('storeReducer', () => {
  it('clears a field’s error (and main’s problem code) when the field is edited', () => {
    const wrong = draft({ errors: { ...errorsForProblem('passphrase-wrong', 'Wrong.'), saved: 'Confirm.' } });
    expect(wrong.errors).toEqual({ passphrase: 'Wrong.', problem: 'passphrase-wrong', saved: 'Confirm.' });
    expect(storeReducer(wrong, { type: 'edit', field: 'passphrase', value: 'x' }).errors).toEqual({ saved: 'Confirm.' });
    expect(storeReducer(wrong, { type: 'saved', value: true }).errors).toEqual({ passphrase: 'Wrong.', problem: 'passphrase-wrong' });
  });

  it('starts over with no error when the mode changes', () => {
    const next = storeReducer(draft({ location: '/b', errors: errorsForProblem('store-exists', 'There is a store.'), formError: 'No.' }), { type: 'mode', mode: 'open' });
    expect(next).toMatchObject({ mode: 'open', location: '/b', errors: {}, formError: null });
  });

  it('puts main’s problems next to the passphrase or the location', () => {
    expect(errorsForProblem('weak-passphrase', 'Weak.')).toEqual({ passphrase: 'Weak.', problem: 'weak-passphrase' });
    expect(errorsForProblem('not-empty', 'Not empty.')).toEqual({ location: 'Not empty.', problem: 'not-empty' });
  });
});
