import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppState } from '../../shared/ipc/app-schemas';
import type { EventName, InvokeMethod } from '../../shared/ipc/channels';
import type { EventPayload, InputOf, IpcResult, ResultOf } from '../../shared/ipc/contract';
import { getBackupApp } from './bridge';
import type { MainCall, Settled } from './main-call';
import { CANCELLED, finished, IDLE, settle, started, stopped } from './main-call';

/** A method's arguments: none for the methods without an input. */
type Args<M extends InvokeMethod> = InputOf<M> extends undefined ? [] : [input: InputOf<M>];

function invoke<M extends InvokeMethod>(method: M, input: InputOf<M> | undefined): Promise<IpcResult<ResultOf<M>>> {
  // Each of window.backupApp's methods has its own type; looked up by a generic name they are one.
  const call = getBackupApp()[method] as unknown as (input?: InputOf<M>) => Promise<IpcResult<ResultOf<M>>>;
  return call(input);
}

/** One call to main outside a hook (the next step of a sequence), in the one shape. */
export async function callMain<M extends InvokeMethod>(method: M, ...args: Args<M>): Promise<Settled<ResultOf<M>>> {
  return settle(await invoke(method, args[0]));
}

/** Reads the app state again and hands it on; a failed read changes nothing. */
export async function reloadAppState(onStateChange: (state: AppState) => void): Promise<void> {
  const answer = await callMain('getAppState');
  if (answer.state === 'ready') onStateChange(answer.value);
}

export interface QueryOptions {
  /** False: no call (yet), the state is idle. */
  enabled?: boolean;
  /** When this changes, asks again and keeps the current answer until the new one comes. */
  refreshKey?: unknown;
  /** Asks only once the input has not changed for this long (a field being typed in). */
  delayMs?: number;
}

export type MainQuery<T> = MainCall<T> & {
  /** Asks again: loading, with the last value kept. */
  refresh: () => void;
  /** Stops waiting for the answer on its way. */
  cancel: () => void;
};

/**
 * Reads something from main when the component mounts and again whenever the method or the input
 * (compared by value) changes. An answer to an older input, or after unmounting, is dropped.
 */
export function useMainQuery<M extends InvokeMethod>(method: M, input: InputOf<M>, options: QueryOptions = {}): MainQuery<ResultOf<M>> {
  const { enabled = true, refreshKey, delayMs = 0 } = options;
  const inputKey = input === undefined ? '' : JSON.stringify(input);
  const [attempt, setAttempt] = useState(0);
  const request = `${method} ${attempt} ${inputKey}`;
  const [answer, setAnswer] = useState<{ request: string; call: MainCall<ResultOf<M>> }>({ request: '', call: IDLE });
  const [cancelled, setCancelled] = useState<string | null>(null);
  const ignored = useRef<string | null>(null);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const ask = () =>
      void invoke(method, inputKey === '' ? undefined : (JSON.parse(inputKey) as InputOf<M>)).then((result) => {
        if (current && ignored.current !== request) setAnswer((previous) => ({ request, call: finished(previous.call, settle(result)) }));
      });
    const timer = delayMs > 0 ? setTimeout(ask, delayMs) : undefined;
    if (timer === undefined) ask();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [method, inputKey, request, enabled, refreshKey, delayMs]);

  const refresh = useCallback(() => setAttempt((count) => count + 1), []);
  const cancel = useCallback(() => {
    ignored.current = request;
    setCancelled(request);
  }, [request]);

  let call: MainCall<ResultOf<M>>;
  if (!enabled) call = IDLE;
  else if (answer.request === request) call = answer.call;
  else if (cancelled === request) call = stopped(answer.call);
  else call = started(answer.call);
  return { ...call, refresh, cancel };
}

export type MainMutation<A extends unknown[], T> = MainCall<T> & {
  /** Runs the call; resolves to how it ended (`cancelled` when a later run or `cancel` overtook it). */
  run: (...args: A) => Promise<Settled<T>>;
  /** Stops waiting: the answer on its way is dropped. */
  cancel: () => void;
  /** Back to idle, dropping the answer on its way. */
  reset: () => void;
};

/**
 * Something the user does that calls main: a save, a check, or a sequence of `callMain`s in `task`
 * that ends with the answer to show. Only the latest run counts: an earlier one that answers late
 * changes nothing.
 */
export function useMainTask<A extends unknown[], T>(task: (...args: A) => Promise<Settled<T>>): MainMutation<A, T> {
  const [call, setCall] = useState<MainCall<T>>(IDLE);
  const latestTask = useRef(task);
  const latestRun = useRef(0);
  useEffect(() => {
    latestTask.current = task;
  });

  const run = useCallback(async (...args: A): Promise<Settled<T>> => {
    const id = ++latestRun.current;
    setCall((previous) => started(previous));
    const settled = await latestTask.current(...args);
    if (id !== latestRun.current) return CANCELLED;
    setCall((previous) => finished(previous, settled));
    return settled;
  }, []);
  const cancel = useCallback(() => {
    latestRun.current += 1;
    setCall((previous) => (previous.state === 'loading' ? stopped(previous) : previous));
  }, []);
  const reset = useCallback(() => {
    latestRun.current += 1;
    setCall(IDLE);
  }, []);

  return { ...call, run, cancel, reset };
}

/** A mutation of one method: `run(input)` calls it. */
export function useMainMutation<M extends InvokeMethod>(method: M): MainMutation<Args<M>, ResultOf<M>> {
  return useMainTask((...args: Args<M>) => callMain(method, ...args));
}

/** Listens to one of main's events while the component is mounted; the latest `listener` is called. */
export function useMainEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => getBackupApp().on(event, (payload) => latest.current(payload)), [event]);
}
