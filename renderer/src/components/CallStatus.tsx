import type { ReactNode } from 'react';
import type { CallState } from '../main-call';
import { Skeleton } from './Skeleton';

/** A problem in plain words (after `prefix`, which says what failed), announced as it appears. */
export function ProblemLine({ message, prefix, testId }: { message: string | null | undefined; prefix?: string; testId?: string }) {
  if (!message) return null;
  return (
    <p className="field-error" role="alert" data-testid={testId}>
      {prefix ? `${prefix} ${message}` : message}
    </p>
  );
}

/** Something under way, announced politely. */
export function StatusLine({ children }: { children: ReactNode }) {
  return (
    <p className="muted" role="status">
      {children}
    </p>
  );
}

/**
 * While a call to main runs, what it is doing (with `skeleton` grey lines standing for the content to
 * come); when it failed, why; otherwise nothing.
 */
export function CallStatus({
  call,
  loading,
  problemPrefix,
  skeleton,
}: {
  call: { state: CallState; problem: string | null };
  loading: string;
  problemPrefix?: string;
  skeleton?: number;
}) {
  if (call.state === 'loading') return skeleton ? <Skeleton lines={skeleton} label={loading} /> : <StatusLine>{loading}</StatusLine>;
  return <ProblemLine message={call.problem} prefix={problemPrefix} />;
}

/** A save's outcome beside its button: the text in green when it worked, in red when not, empty before. */
export function SaveResult({ result, testId }: { result: { ok: boolean; text: string } | null; testId: string }) {
  return (
    <span role="status" className={result?.ok ? 'ok-text' : 'field-error'} data-testid={testId}>
      {result?.text ?? ''}
    </span>
  );
}
