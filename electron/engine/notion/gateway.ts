import type { Client } from '@notionhq/client';
import type { NotionApiVersion } from './client';
import { createNotionClient } from './client';
import type { RateLimiter } from './rate-limiter';
import { limiterForToken } from './rate-limiter';
import type { NotionFailure, RetryPolicy } from './retry';
import { callNotion } from './retry';
import { NOTION_REQUEST_RATE } from '../../../shared/notion-rate';

export interface ListPage<T> {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
  request_status?: { type?: string; incomplete_reason?: string } | undefined;
}

export interface GatewayStats {
  apiCalls: number;
  retries: number;
  callsByLabel: Record<string, number>;
}

/**
 * Every Notion request of a job goes through here: the shared rate limiter, the retry layer and the
 * request counters the progress events and benchmarks report.
 */
export class NotionGateway {
  private readonly stats: GatewayStats = { apiCalls: 0, retries: 0, callsByLabel: {} };

  constructor(
    readonly client: Client,
    readonly limiter: RateLimiter,
    private readonly options: {
      signal?: AbortSignal | undefined;
      policy?: RetryPolicy | undefined;
      onRetry?: ((label: string, failure: NotionFailure, delayMs: number) => void) | undefined;
    } = {},
  ) {}

  call<T>(label: string, operation: (client: Client) => Promise<T>, verifyWrite?: () => Promise<T | undefined>): Promise<T> {
    return callNotion(() => operation(this.client), {
      limiter: this.limiter,
      policy: this.options.policy,
      signal: this.options.signal,
      verifyWrite,
      onRequest: () => {
        this.stats.apiCalls += 1;
        this.stats.callsByLabel[label] = (this.stats.callsByLabel[label] ?? 0) + 1;
      },
      onRetry: (failure, _attempt, delayMs) => {
        this.stats.retries += 1;
        this.options.onRetry?.(label, failure, delayMs);
      },
    });
  }

  /** Follows next_cursor until the end; page_size is the caller's (100 for every list we make). */
  async *paginate<T>(label: string, fetchPage: (client: Client, cursor: string | undefined) => Promise<ListPage<T>>) {
    let cursor: string | undefined;
    do {
      const page = await this.call(label, (client) => fetchPage(client, cursor));
      yield page;
      cursor = page.has_more && page.next_cursor ? page.next_cursor : undefined;
    } while (cursor);
  }

  /** Collects every result of a paginated list. */
  async collect<T>(label: string, fetchPage: (client: Client, cursor: string | undefined) => Promise<ListPage<T>>) {
    const results: T[] = [];
    for await (const page of this.paginate(label, fetchPage)) results.push(...page.results);
    return results;
  }

  getStats(): GatewayStats {
    return { ...this.stats, callsByLabel: { ...this.stats.callsByLabel } };
  }
}

export interface JobGatewayOptions {
  token: string;
  baseUrl?: string | undefined;
  apiVersion?: NotionApiVersion | undefined;
  requestsPerSecond?: number | undefined;
  burst?: number | undefined;
  policy?: RetryPolicy | undefined;
  signal?: AbortSignal | undefined;
}

/** The gateway of one job, from its first request (the token check) to its last: the token's shared limiter. */
export function gatewayForJob(options: JobGatewayOptions): NotionGateway {
  const client = createNotionClient({ token: options.token, baseUrl: options.baseUrl, apiVersion: options.apiVersion });
  const limiter = limiterForToken(options.token, { requestsPerSecond: options.requestsPerSecond ?? NOTION_REQUEST_RATE.default, burst: options.burst ?? 10 });
  return new NotionGateway(client, limiter, { signal: options.signal, policy: options.policy });
}
