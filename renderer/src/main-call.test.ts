import { describe, expect, it } from 'vitest';
import type { ResultOf } from '../../shared/ipc/contract';
import type { MainCall } from './main-call';
import { finished, IDLE, settle, started, stopped } from './main-call';

type Snapshots = ResultOf<'listSnapshots'>;
type Setup = ResultOf<'setupStore'>;

describe('settle', () => {
  it('is ready with the value when main answered without a problem', () => {
    const settled = settle<Snapshots>({ ok: true, value: { status: 'ok', snapshots: [] } }, 5);
    expect(settled).toEqual({ state: 'ready', value: { status: 'ok', snapshots: [] }, answeredAt: 5, problem: null, problemAnswer: null });
  });

  it('folds a bridge error into a problem with its message', () => {
    const settled = settle<Snapshots>({ ok: false, error: { code: 'internal', message: 'The app could not answer.' } }, 5);
    expect(settled).toEqual({ state: 'problem', value: null, answeredAt: 5, problem: 'The app could not answer.', problemAnswer: null });
  });

  it('folds a result whose status is problem, refused or invalid into a problem, keeping the answer', () => {
    const problem = { status: 'problem', problem: 'passphrase-wrong', message: 'The passphrase does not unlock the store.' } as const;
    expect(settle<Setup>({ ok: true, value: problem })).toMatchObject({ state: 'problem', problem: problem.message, problemAnswer: problem });
    expect(settle<ResultOf<'startBackup'>>({ ok: true, value: { status: 'refused', message: 'A backup is running.' } })).toMatchObject({
      state: 'problem',
      problem: 'A backup is running.',
    });
    expect(settle<ResultOf<'previewSchedule'>>({ ok: true, value: { status: 'invalid', message: 'Choose a day.' } })).toMatchObject({
      state: 'problem',
      problem: 'Choose a day.',
    });
  });

  it('is cancelled when the user closed main’s dialog', () => {
    expect(settle<ResultOf<'chooseFolder'>>({ ok: true, value: { status: 'cancelled' } }).state).toBe('cancelled');
  });

  it('keeps results that merely have a status, and results without one, as ready', () => {
    const detection: ResultOf<'detectPlakar'> = { status: 'not-found', searched: ['/usr/bin'] };
    expect(settle<ResultOf<'detectPlakar'>>({ ok: true, value: detection })).toMatchObject({ state: 'ready', value: detection });
    expect(settle<ResultOf<'cancelJob'>>({ ok: true, value: { cancelled: false } })).toMatchObject({ state: 'ready', value: { cancelled: false } });
    expect(settle<ResultOf<'getBackupCommand'>>({ ok: true, value: { command: 'notion-plakar backup' } }).state).toBe('ready');
  });
});

describe('the life of a call', () => {
  type Folder = ResultOf<'chooseFolder'>;
  const ready = settle<Folder>({ ok: true, value: { status: 'chosen', path: '/one' } }, 1);
  const readyCall: MainCall<Folder> = ready.state === 'ready' ? ready : IDLE;

  it('keeps the last value while running again and after a cancel', () => {
    const loading = started(readyCall);
    expect(loading).toMatchObject({ state: 'loading', value: { status: 'chosen', path: '/one' }, problem: null });
    expect(stopped(loading)).toMatchObject({ state: 'cancelled', value: { status: 'chosen', path: '/one' } });
    expect(finished(loading, settle<Folder>({ ok: true, value: { status: 'cancelled' } }))).toMatchObject({ state: 'cancelled', value: { status: 'chosen', path: '/one' } });
  });

  it('drops the value on a problem and takes the new one when ready', () => {
    const loading = started(readyCall);
    expect(finished(loading, settle<Folder>({ ok: false, error: { code: 'internal', message: 'no' } }))).toMatchObject({ state: 'problem', value: null, problem: 'no' });
    expect(finished(loading, settle<Folder>({ ok: true, value: { status: 'chosen', path: '/two' } }))).toMatchObject({ state: 'ready', value: { path: '/two' } });
  });

  it('starts from nothing when idle', () => {
    expect(started(IDLE)).toMatchObject({ state: 'loading', value: null });
  });
});
