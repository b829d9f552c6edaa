import { isHTTPResponseError, RequestTimeoutError } from '@notionhq/client';
import type { RateLimiter } from './rate-limiter';

/**
 * What to do with a failed Notion call. The SDK retries only a few JSON errors (notion-api.md §1.3);
 * this layer covers the rest: 409, 5xx (JSON or HTML), 529, timeouts and network errors.
 */
export type NotionFailure =
  | { kind: 'rate-limited'; retryAfterMs: number | undefined; status: number }
  | { kind: 'transient'; reason: string; status?: number }
  | { kind: 'permanent'; reason: string; status?: number };

const TRANSIENT_STATUSES = new Set([409, 500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Retry-After is delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function classifyNotionFailure(error: unknown): NotionFailure {
  if (RequestTimeoutError.isRequestTimeoutError(error)) return { kind: 'transient', reason: 'timeout' };
  if (isHTTPResponseError(error)) {
    const status = error.status;
    if (status === 429 || status === 529) {
      // The SDK types headers as unknown: it takes any fetch implementation.
      const headers = error.headers as { get?: (name: string) => string | null } | undefined;
      const retryAfter = typeof headers?.get === 'function' ? headers.get('retry-after') : null;
      return { kind: 'rate-limited', retryAfterMs: parseRetryAfter(retryAfter), status };
    }
    if (TRANSIENT_STATUSES.has(status)) return { kind: 'transient', reason: `HTTP ${status}`, status };
    return { kind: 'permanent', reason: `HTTP ${status} ${error.code}`, status };
  }
  const code = networkErrorCode(error);
  if (code !== undefined) return { kind: 'transient', reason: code };
  return { kind: 'permanent', reason: error instanceof Error ? error.message : String(error) };
}

function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth += 1) {
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    // Node's fetch reports network failures as TypeError("fetch failed") with the cause attached.
    if (current instanceof TypeError && current.message === 'fetch failed') return 'fetch failed';
    current = current.cause;
  }
  return undefined;
}

export interface RetryPolicy {
  /** Attempts for transient failures (409, 5xx, timeouts, network). */
  maxTransientAttempts: number;
  /** 429s are expected under load; they get their own, larger budget. */
  maxRateLimitedAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Used when a 429 carries no Retry-After. */
  defaultRetryAfterMs: number;
  /** A longer Retry-After is not waited for: the call fails at once (for a person waiting on a check). */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxTransientAttempts: 6,
  maxRateLimitedAttempts: 30,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  defaultRetryAfterMs: 2_000,
};

/** Full-jitter exponential backoff: a random delay in [base·2^n / 2, base·2^n], capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface CallContext<T> {
  limiter: RateLimiter;
  policy?: RetryPolicy;
  signal?: AbortSignal | undefined;
  /** Every request actually sent, including retries. */
  onRequest?: () => void;
  onRetry?: (failure: NotionFailure, attempt: number, delayMs: number) => void;
  /**
   * For writes: after an ambiguous failure (timeout, 5xx, network) the write may have happened on
   * the server. If given, this is asked before retrying; a value means "it did", and is returned.
   */
  verifyWrite?: () => Promise<T | undefined>;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export class NotionCallError extends Error {
  override readonly name = 'NotionCallError';
  constructor(
    message: string,
    readonly failure: NotionFailure,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/** 404 (not shared / deleted) and 403 (capability missing): Notion will not let it be read. */
export function isUnreadable(error: unknown): error is NotionCallError {
  return error instanceof NotionCallError && (error.failure.status === 404 || error.failure.status === 403);
}

/** Runs one Notion request through the rate limiter, retrying what can be retried. */
export async function callNotion<T>(operation: () => Promise<T>, context: CallContext<T>): Promise<T> {
  const policy = context.policy ?? DEFAULT_RETRY_POLICY;
  const sleep = context.sleep ?? abortableSleep;
  let transientFailures = 0;
  let rateLimited = 0;
  for (let attempt = 1; ; attempt += 1) {
    await context.limiter.acquire(context.signal);
    context.onRequest?.();
    try {
      return await operation();
    } catch (error) {
      if (context.signal?.aborted) throw context.signal.reason;
      const failure = classifyNotionFailure(error);
      if (failure.kind === 'permanent') throw new NotionCallError(failure.reason, failure, attempt, error);
      if (failure.kind === 'rate-limited') {
        rateLimited += 1;
        if (rateLimited >= policy.maxRateLimitedAttempts) {
          throw new NotionCallError(`still rate limited after ${rateLimited} attempts`, failure, attempt, error);
        }
        const waitMs = failure.retryAfterMs ?? policy.defaultRetryAfterMs;
        if (policy.maxRetryAfterMs !== undefined && waitMs > policy.maxRetryAfterMs) {
          throw new NotionCallError(`rate limited for ${Math.ceil(waitMs / 1000)} s`, failure, attempt, error);
        }
        context.limiter.pauseFor(waitMs);
        context.onRetry?.(failure, attempt, waitMs);
        continue;
      }
      transientFailures += 1;
      if (context.verifyWrite) {
        const existing = await context.verifyWrite();
        if (existing !== undefined) return existing;
      }
      if (transientFailures >= policy.maxTransientAttempts) {
        throw new NotionCallError(
          `Notion kept failing (${failure.reason}) after ${transientFailures} attempts`,
          failure,
          attempt,
          error,
        );
      }
      const delay = backoffDelay(transientFailures - 1, policy);
      context.onRetry?.(failure, attempt, delay);
      await sleep(delay, context.signal);
    }
  }
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
