import { Client, LogLevel } from '@notionhq/client';

/**
 * The Notion API versions the engine speaks. Every request of a job is pinned to one, recorded in
 * every snapshot. 2026-12-01 is opt-in (NOTION_API_VERSION) until it is Notion's default.
 */
export const NOTION_API_VERSIONS = ['2026-03-11', '2026-12-01'] as const;
export type NotionApiVersion = (typeof NOTION_API_VERSIONS)[number];
export const NOTION_API_VERSION: NotionApiVersion = '2026-03-11';

/** The version named by NOTION_API_VERSION (default when unset); an unknown one is refused, clearly. */
export function parseNotionApiVersion(value: string | undefined): NotionApiVersion {
  const wanted = (value ?? '').trim();
  if (wanted === '') return NOTION_API_VERSION;
  const known = NOTION_API_VERSIONS.find((version) => version === wanted);
  if (!known) throw new Error(`NOTION_API_VERSION "${wanted}" is not supported; use one of ${NOTION_API_VERSIONS.join(', ')} (or leave it unset).`);
  return known;
}

/** From 2026-12-01, search and data-source queries return only each page's title unless asked for more. */
export function listsReturnTitleOnly(version: NotionApiVersion): boolean {
  return version >= '2026-12-01';
}
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
  apiVersion?: NotionApiVersion | undefined;
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
    notionVersion: options.apiVersion ?? NOTION_API_VERSION,
    timeoutMs: options.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    retry: options.sdkRetry ? undefined : false,
    // The SDK logs request details at warn level; the engine logs its own, token-free messages.
    logLevel: LogLevel.ERROR,
    logger: () => undefined,
  });
}
