import type { IpcResult } from '../../shared/ipc/contract';

/**
 * The one shape of a call to main, whatever went wrong and where: the bridge answered `ok: false`, or
 * main answered with a result that says it did not work (`status: 'problem' | 'refused' | 'invalid'`,
 * always with a message for the user). Both are a `problem`. A result with `status: 'cancelled'` (the
 * user closed main's dialog) and a call the renderer stopped waiting for are `cancelled`.
 */
export type CallState = 'idle' | 'loading' | 'ready' | 'problem' | 'cancelled';

type ProblemAnswer = { status: 'problem' | 'refused' | 'invalid'; message: string };
type CancelledAnswer = { status: 'cancelled' };

/** What a method answers when it worked. */
export type ReadyOf<T> = Exclude<T, ProblemAnswer | CancelledAnswer>;
/** What a method answers when it did not (with the details some forms need, such as a problem code). */
export type ProblemOf<T> = Extract<T, ProblemAnswer>;

interface NoProblem {
  problem: null;
  problemAnswer: null;
}

/**
 * `value` is the last ready answer: it stays while the call runs again and after a cancel (so a
 * screen may keep showing it), and goes on a problem or a reset. `answeredAt` is when main answered.
 */
export type MainCall<T> =
  | ({ state: 'idle'; value: null; answeredAt: null } & NoProblem)
  | ({ state: 'loading' | 'cancelled'; value: ReadyOf<T> | null; answeredAt: number | null } & NoProblem)
  | ({ state: 'ready'; value: ReadyOf<T>; answeredAt: number } & NoProblem)
  | { state: 'problem'; value: null; answeredAt: number; problem: string; problemAnswer: ProblemOf<T> | null };

/** How one call ended: what `run` resolves to. */
export type Settled<T> = Extract<MainCall<T>, { state: 'ready' | 'problem' }> | { state: 'cancelled'; value: null; answeredAt: null; problem: null; problemAnswer: null };

export const IDLE = { state: 'idle', value: null, answeredAt: null, problem: null, problemAnswer: null } as const satisfies MainCall<unknown>;
export const CANCELLED = { state: 'cancelled', value: null, answeredAt: null, problem: null, problemAnswer: null } as const satisfies Settled<unknown>;

function isProblemAnswer(value: unknown): value is ProblemAnswer {
  if (typeof value !== 'object' || value === null || !('status' in value) || !('message' in value)) return false;
  return (value.status === 'problem' || value.status === 'refused' || value.status === 'invalid') && typeof value.message === 'string';
}

function isCancelledAnswer(value: unknown): value is CancelledAnswer {
  return typeof value === 'object' && value !== null && 'status' in value && value.status === 'cancelled';
}

/** Folds main's envelope and the result's own status into the one shape. */
export function settle<T>(result: IpcResult<T>, now = Date.now()): Settled<T> {
  if (!result.ok) return { state: 'problem', value: null, answeredAt: now, problem: result.error.message, problemAnswer: null };
  const answer = result.value;
  if (isProblemAnswer(answer)) return { state: 'problem', value: null, answeredAt: now, problem: answer.message, problemAnswer: answer as ProblemOf<T> };
  if (isCancelledAnswer(answer)) return CANCELLED;
  return { state: 'ready', value: answer as ReadyOf<T>, answeredAt: now, problem: null, problemAnswer: null };
}

/** A call starts (again): loading, still holding the last ready value. */
export function started<T>(previous: MainCall<T>): MainCall<T> {
  return { state: 'loading', value: previous.value, answeredAt: previous.answeredAt, problem: null, problemAnswer: null };
}

/** A call ends: its answer, or, when it was cancelled, the last ready value kept. */
export function finished<T>(previous: MainCall<T>, settled: Settled<T>): MainCall<T> {
  return settled.state === 'cancelled' ? stopped(previous) : settled;
}

/** The renderer stops waiting (or main says the user closed its dialog): nothing changes but the state. */
export function stopped<T>(previous: MainCall<T>): MainCall<T> {
  return { state: 'cancelled', value: previous.value, answeredAt: previous.answeredAt, problem: null, problemAnswer: null };
}
