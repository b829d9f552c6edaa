import { APIErrorCode, isHTTPResponseError, isNotionClientError, RequestTimeoutError } from '@notionhq/client';
import type { NotionTokenCheck, TokenProblem } from '../../../shared/ipc/contract';
import { createNotionClient, DEFAULT_REQUEST_TIMEOUT_MS, normaliseNotionApiUrl } from './client';
import { NotionGateway } from './gateway';
import { RateLimiter } from './rate-limiter';
import type { RetryPolicy } from './retry';
import { NotionCallError } from './retry';

const VALIDATION_TIMEOUT_MS = 15_000;

/** Someone is waiting on the answer: a few quick retries, and no Retry-After longer than 10 s. */
/** A check Notion answered with the workspace: what a job needs to go on. */
export type ValidTokenCheck = Extract<NotionTokenCheck, { status: 'valid' }>;

export const INTERACTIVE_RETRY_POLICY: RetryPolicy = {
  maxTransientAttempts: 3,
  maxRateLimitedAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 2_000,
  defaultRetryAfterMs: 1_000,
  maxRetryAfterMs: 10_000,
};

export interface TokenCheckOptions {
  token: string;
  baseUrl?: string | undefined;
  timeoutMs?: number;
}

/**
 * Asks Notion who the token belongs to (users.me) and turns every outcome into a result the UI can
 * show as is. The token itself never appears in a message or detail. A busy or briefly failing
 * Notion is asked again a few times (INTERACTIVE_RETRY_POLICY) within `timeoutMs` in all; a refused
 * token fails at once.
 */
export async function checkNotionToken(options: TokenCheckOptions): Promise<NotionTokenCheck> {
  const token = options.token.trim();
  const malformed = formatProblem(token);
  if (malformed) return malformed;
  const baseUrl = normaliseNotionApiUrl(options.baseUrl);
  const timeoutMs = options.timeoutMs ?? VALIDATION_TIMEOUT_MS;
  const client = createNotionClient({ token, baseUrl, timeoutMs });
  const deadline = AbortSignal.timeout(timeoutMs);
  const gateway = new NotionGateway(client, new RateLimiter({ requestsPerSecond: 3, burst: 3 }), { policy: INTERACTIVE_RETRY_POLICY, signal: deadline });
  try {
    return await askWhoseToken(gateway, baseUrl, timeoutMs);
  } catch (error) {
    if (deadline.aborted) return timedOut(timeoutMs);
    throw error;
  }
}

/**
 * A job's token check: its first request, sent through the job's own gateway like all the others
 * (same limiter, retry policy and cancellation). `token` must be the one the gateway's client uses.
 * A cancellation is thrown, not described.
 */
export async function checkNotionTokenThrough(gateway: NotionGateway, options: TokenCheckOptions): Promise<NotionTokenCheck> {
  const malformed = formatProblem(options.token.trim());
  if (malformed) return malformed;
  return askWhoseToken(gateway, normaliseNotionApiUrl(options.baseUrl), options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
}

function formatProblem(token: string): NotionTokenCheck | undefined {
  if (token === '') return invalid('empty', 'Paste your Notion integration secret or personal access token.');
  if (/\s/.test(token)) {
    return invalid('malformed', 'A Notion token has no spaces or line breaks. Copy it again from Notion.');
  }
  return undefined;
}

async function askWhoseToken(gateway: NotionGateway, baseUrl: string, timeoutMs: number): Promise<NotionTokenCheck> {
  try {
    return describeTokenOwner(await gateway.call('users.me', (client) => client.users.me({})));
  } catch (error) {
    if (!(error instanceof NotionCallError)) throw error;
    return describeTokenFailure(error.cause, baseUrl, timeoutMs);
  }
}

const TRANSIENT_PROBLEMS: ReadonlySet<TokenProblem> = new Set(['network', 'timeout', 'notion-unavailable', 'rate-limited']);

/** Notion was unreachable, slow or busy rather than refusing the token: asking again later may work. */
export function isTransientTokenProblem(problem: TokenProblem): boolean {
  return TRANSIENT_PROBLEMS.has(problem);
}

type UsersMe = Awaited<ReturnType<ReturnType<typeof createNotionClient>['users']['me']>>;

export function describeTokenOwner(me: UsersMe): NotionTokenCheck {
  if ('type' in me && me.type === 'bot') {
    const bot = me.bot as {
      workspace_name?: string | null;
      workspace_id?: string | null;
      workspace_limits?: { max_file_upload_size_in_bytes?: number | null };
    };
    return {
      status: 'valid',
      tokenKind: 'internal',
      workspaceName: bot.workspace_name ?? null,
      workspaceId: bot.workspace_id ?? null,
      botName: me.name ?? null,
      userName: null,
      maxFileUploadBytes: bot.workspace_limits?.max_file_upload_size_in_bytes ?? null,
    };
  }
  return {
    status: 'valid',
    tokenKind: 'personal',
    workspaceName: null,
    workspaceId: null,
    botName: null,
    userName: 'name' in me ? (me.name ?? null) : null,
    maxFileUploadBytes: null,
  };
}

export function describeTokenFailure(error: unknown, baseUrl: string, timeoutMs = VALIDATION_TIMEOUT_MS): NotionTokenCheck {
  if (RequestTimeoutError.isRequestTimeoutError(error)) return timedOut(timeoutMs);
  if (isHTTPResponseError(error)) {
    const detail = `HTTP ${error.status} ${error.code}${requestIdOf(error)}`;
    switch (error.code) {
      case APIErrorCode.Unauthorized:
        return invalid(
          'unauthorized',
          'Notion rejected this token. Copy the secret again from your integration’s settings ' +
            '(it starts with "ntn_" or "secret_"), and check that the integration was not deleted.',
          detail,
        );
      case APIErrorCode.RestrictedResource:
        return invalid(
          'forbidden',
          'The token is valid, but the integration is not allowed to read user information. In the ' +
            'integration’s Capabilities, enable "Read user information", then try again.',
          detail,
        );
      case APIErrorCode.RateLimited:
        return invalid('rate-limited', 'Notion is rate limiting this token. Wait a minute and try again.', detail);
      default:
        if (error.status >= 500) {
          return invalid(
            'notion-unavailable',
            `Notion is having trouble right now (HTTP ${error.status}). Try again in a few minutes.`,
            detail,
          );
        }
        return invalid('unexpected', `Notion refused the request (HTTP ${error.status}).`, detail);
    }
  }
  if (isNotionClientError(error)) {
    return invalid('unexpected', 'Notion sent an answer the app did not understand.', error.code);
  }
  return invalid(
    'network',
    `Could not reach Notion at ${baseUrl}. Check your internet connection, proxy or firewall, then try again.`,
    networkDetail(error),
  );
}

function timedOut(timeoutMs: number): NotionTokenCheck {
  return invalid('timeout', `Notion did not answer within ${Math.round(timeoutMs / 1000)} seconds. Try again.`);
}

function invalid(problem: TokenProblem, message: string, detail: string | null = null): NotionTokenCheck {
  return { status: 'invalid', problem, message, detail };
}

function requestIdOf(error: { headers?: unknown; body?: unknown }): string {
  const headers = error.headers as { get?: (name: string) => string | null } | undefined;
  const id = typeof headers?.get === 'function' ? headers.get('x-notion-request-id') : null;
  return id ? ` (request ${id})` : '';
}

function networkDetail(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
  return [error.message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
}
