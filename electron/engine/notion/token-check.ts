import { APIErrorCode, isHTTPResponseError, isNotionClientError, RequestTimeoutError } from '@notionhq/client';
import type { NotionTokenCheck, TokenProblem } from '../../../shared/ipc/contract';
import { createNotionClient, normaliseNotionApiUrl } from './client';

const VALIDATION_TIMEOUT_MS = 15_000;

export interface TokenCheckOptions {
  token: string;
  baseUrl?: string;
  timeoutMs?: number;
}

/**
 * Asks Notion who the token belongs to (users.me) and turns every outcome into a result the UI can
 * show as is. The token itself never appears in a message or detail.
 */
export async function checkNotionToken(options: TokenCheckOptions): Promise<NotionTokenCheck> {
  const token = options.token.trim();
  if (token === '') return invalid('empty', 'Paste your Notion integration secret or personal access token.');
  if (/\s/.test(token)) {
    return invalid('malformed', 'A Notion token has no spaces or line breaks. Copy it again from Notion.');
  }
  const baseUrl = normaliseNotionApiUrl(options.baseUrl);
  const client = createNotionClient({ token, baseUrl, timeoutMs: options.timeoutMs ?? VALIDATION_TIMEOUT_MS });
  try {
    const me = await client.users.me({});
    return describeTokenOwner(me);
  } catch (error) {
    return describeTokenFailure(error, baseUrl);
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

export function describeTokenFailure(error: unknown, baseUrl: string): NotionTokenCheck {
  if (RequestTimeoutError.isRequestTimeoutError(error)) {
    return invalid('timeout', `Notion did not answer within ${VALIDATION_TIMEOUT_MS / 1000} seconds. Try again.`);
  }
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
