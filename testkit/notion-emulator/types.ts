import type { WorkspaceFixture } from './fixture-types';

export type ApiVersion = '2025-09-03' | '2026-03-11' | '2026-12-01';
export const SUPPORTED_VERSIONS: readonly ApiVersion[] = ['2025-09-03', '2026-03-11', '2026-12-01'];

/** The request's version is `min` or later (versions are ISO dates, so they compare as strings). */
export function atLeast(version: ApiVersion, min: ApiVersion): boolean {
  return version >= min;
}

export interface RateLimitConfig {
  /** average rate refilled into each token's bucket */
  requestsPerSecond: number;
  /** bucket capacity */
  burst: number;
}

export type FaultKind =
  | 'internal_server_error' // 500 JSON
  | 'bad_gateway' // 502 HTML body (not a Notion error envelope)
  | 'service_unavailable' // 503 JSON
  | 'database_connection_unavailable' // 503 JSON, code unknown to the SDK
  | 'gateway_timeout' // 504 JSON
  | 'conflict_error' // 409 JSON
  | 'service_overload' // 529 JSON
  | 'timeout'; // hang, then respond normally or destroy the socket

export interface FaultConfig {
  /** chance (0..1) that an eligible request fails with one of `kinds` (seeded) */
  probability?: number;
  kinds?: FaultKind[];
  /** the next eligible requests fail with these kinds, in order; consumed before `probability` applies */
  sequence?: FaultKind[];
  /** route templates like `GET /v1/blocks/{id}/children` or `/v1/pages`; default: every /v1 route */
  routes?: string[];
  /** HTTP methods; default: all */
  methods?: string[];
  /** timeout faults: how long to hang (default 5000 ms) and what to do afterwards (default destroy) */
  timeout?: { hangMs?: number; then?: 'respond' | 'destroy' };
  /**
   * a faulted write is applied on the server before the client sees the failure: always (true), or with
   * this probability (drawn from the seed), as a timed-out request sometimes lands and sometimes not
   */
  applyThenFail?: boolean | number;
  /** seed for the random choices (default: the emulator's), so a test can repeat a run with several */
  seed?: number;
  /** Retry-After seconds sent with 503/529 faults (default: none) */
  retryAfterSeconds?: number;
}

export interface RouteCounts {
  total: number;
  /** by HTTP status ("200", "429"...) or "destroyed" when the socket was dropped */
  byStatus: Record<string, number>;
}

export interface RequestCounts {
  total: number;
  /** by `METHOD /route/{template}` */
  byRoute: Record<string, RouteCounts>;
  byStatus: Record<string, number>;
}

/** A user-like edit made "in the Notion app" by the workspace owner (no API limits, no auth). */
export interface PageEditPatch {
  title?: string;
  /** request-shaped property values, as for pages.update */
  properties?: Record<string, unknown>;
  icon?: unknown;
  cover?: unknown;
  inTrash?: boolean;
}

export interface EmulatorAdmin {
  load(workspace: WorkspaceFixture): void;
  dump(): WorkspaceFixture;
  /** back to the workspace loaded at start */
  reset(): void;
  requestCounts(): RequestCounts;
  resetCounts(): void;
  setFaults(config: FaultConfig | null): void;
  setRateLimit(config: RateLimitConfig | false): void;
  setClockOffsetMs(ms: number): void;
  /** the emulator's "now" (ISO, includes the clock offset) */
  now(): string;
  omitFromSearch(ids: string[]): void;
  setQueryRowCap(rows: number): void;
  editPage(pageId: string, patch: PageEditPatch): void;
  touchPage(pageId: string): void;
  deletePage(pageId: string): void;
  /** request-shaped blocks (as for blocks.children.append); returns the new top-level block ids */
  appendBlocks(parentId: string, children: unknown[]): string[];
  /** request-shaped type payload patch, e.g. `{ paragraph: { rich_text: [...] } }` */
  updateBlock(blockId: string, patch: Record<string, unknown>): void;
  tokens(): Record<string, string>;
}

export interface EmulatorOptions {
  /** default 0 (random); the host is always 127.0.0.1 */
  port?: number;
  /** default: the rich fixture; kept as the reset() baseline, so do not mutate it afterwards */
  workspace?: WorkspaceFixture;
  /** default 3 req/s, burst 10; false = off */
  rateLimit?: RateLimitConfig | false;
  /** data-source query cap, default 10_000 */
  queryRowCap?: number;
  faults?: FaultConfig;
  /** seeds fault injection and generated ids */
  seed?: number;
}

export interface EmulatorTokens extends Record<string, string> {
  full: string;
  readOnly: string;
  noAccess: string;
  personal: string;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:41234 (no trailing slash; pass as the SDK baseUrl) */
  url: string;
  port: number;
  /** tokens defined by the loaded fixture, by name */
  readonly tokens: EmulatorTokens;
  admin: EmulatorAdmin;
  close(): Promise<void>;
}
