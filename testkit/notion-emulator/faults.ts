import { ApiError } from './errors';
import { SeededRandom } from './ids';
import type { FaultConfig, FaultKind } from './types';

export const DEFAULT_TIMEOUT_HANG_MS = 5000;

export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n';

/** Decides, from a seed, which requests fail and how. */
export class FaultInjector {
  private config: FaultConfig | null = null;
  private sequence: FaultKind[] = [];
  private random: SeededRandom;

  constructor(private readonly seed: number) {
    this.random = new SeededRandom(seed);
  }

  configure(config: FaultConfig | null | undefined): void {
    this.config = config ?? null;
    this.sequence = [...(config?.sequence ?? [])];
    this.random = new SeededRandom(config?.seed ?? this.seed);
  }

  current(): FaultConfig | null {
    return this.config;
  }

  pick(routeKey: string, method: string): FaultKind | null {
    const config = this.config;
    if (!config || !this.applies(config, routeKey, method)) return null;
    const next = this.sequence.shift();
    if (next) return next;
    const kinds = config.kinds ?? [];
    if (!config.probability || kinds.length === 0) return null;
    return this.random.next() < config.probability ? this.random.pick(kinds) : null;
  }

  /** Whether a faulted write lands on the server anyway (see FaultConfig.applyThenFail). */
  appliesFirst(): boolean {
    const setting = this.config?.applyThenFail;
    if (typeof setting === 'number') return this.random.next() < setting;
    return setting === true;
  }

  private applies(config: FaultConfig, routeKey: string, method: string): boolean {
    if (config.methods && !config.methods.some((m) => m.toUpperCase() === method)) return false;
    if (!config.routes) return true;
    return config.routes.some((route) => route === routeKey || routeKey.endsWith(` ${route}`));
  }
}

/** The JSON error a fault produces (bad_gateway and timeout are handled by the pipeline). */
export function faultError(kind: FaultKind, retryAfterSeconds?: number): ApiError {
  const retryHeaders: Record<string, string> = retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
  switch (kind) {
    case 'internal_server_error':
      return new ApiError(500, 'internal_server_error', 'Unexpected error occurred.');
    case 'service_unavailable':
      return new ApiError(503, 'service_unavailable', 'Notion is unavailable. Try again later.', undefined, retryHeaders);
    case 'database_connection_unavailable':
      return new ApiError(503, 'database_connection_unavailable', "Notion's database is unavailable or in an unqueryable state. Try again later.", undefined, retryHeaders);
    case 'gateway_timeout':
      return new ApiError(504, 'gateway_timeout', 'Notion timed out while attempting to complete this request. Please try again later.');
    case 'conflict_error':
      return new ApiError(409, 'conflict_error', 'Conflict occurred while saving. Please try again.');
    case 'service_overload':
      return new ApiError(529, 'service_overload', 'Notion is overloaded. Please try again later.', undefined, retryHeaders);
    case 'bad_gateway':
    case 'timeout':
      throw new Error(`${kind} is not a JSON fault`);
  }
}
