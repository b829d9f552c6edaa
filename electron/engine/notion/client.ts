import { Client, LogLevel } from '@notionhq/client';

/** The Notion API version every request is pinned to; recorded in every snapshot. */
export const NOTION_API_VERSION = '2026-03-11';
export const DEFAULT_NOTION_API_URL = 'https://api.notion.com';
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface NotionClientOptions {
  token: string;
  /** Base URL without a trailing slash (the SDK appends /v1/...). */
  baseUrl?: string;
  timeoutMs?: number;
  /**
   * The SDK's own retry (max 2, capped at 60 s) is disabled by default: the engine's rate limiter and
   * retry layer sit above the SDK and honour the full Retry-After. Single interactive calls may keep it.
   */
  sdkRetry?: boolean;
}

export function normaliseNotionApiUrl(url: string | undefined): string {
  const value = (url ?? '').trim();
  if (value === '') return DEFAULT_NOTION_API_URL;
  return value.replace(/\/+$/, '');
}

export function createNotionClient(options: NotionClientOptions): Client {
  return new Client({
    auth: options.token,
    baseUrl: normaliseNotionApiUrl(options.baseUrl),
    notionVersion: NOTION_API_VERSION,
    timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    retry: options.sdkRetry ? undefined : false,
    // The SDK logs request details at warn level; the engine logs its own, token-free messages.
    logLevel: LogLevel.ERROR,
    logger: () => undefined,
  });
}
