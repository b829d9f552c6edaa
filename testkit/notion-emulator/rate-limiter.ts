import { performance } from 'node:perf_hooks';
import type { RateLimitConfig } from './types';

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { requestsPerSecond: 3, burst: 10 };

// Timer and network jitter: a client pacing itself exactly at the average rate may arrive a few ms early,
// so a request is let through when it is at most 5% of a token or 10 ms short.
const TOLERANCE_TOKENS = 0.05;
const TOLERANCE_MS = 10;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token bucket per bearer token (per connection), on real monotonic time (the clock offset does not apply). */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private config: RateLimitConfig | false) {
    checkConfig(config);
  }

  configure(config: RateLimitConfig | false): void {
    checkConfig(config);
    this.config = config;
    this.buckets.clear();
  }

  /** Takes one token; returns null when allowed, else the Retry-After in whole seconds. */
  take(key: string): number | null {
    const config = this.config;
    if (!config) return null;
    const now = performance.now();
    const bucket = this.buckets.get(key) ?? { tokens: config.burst, updatedMs: now };
    bucket.tokens = Math.min(config.burst, bucket.tokens + ((now - bucket.updatedMs) / 1000) * config.requestsPerSecond);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    const tolerance = Math.max(TOLERANCE_TOKENS, (config.requestsPerSecond * TOLERANCE_MS) / 1000);
    if (bucket.tokens + tolerance >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    const waitSeconds = (1 - bucket.tokens) / config.requestsPerSecond;
    return Math.max(1, Math.ceil(waitSeconds));
  }
}

/** A bucket smaller than one request, or no refill, would refuse every request forever. */
function checkConfig(config: RateLimitConfig | false): void {
  if (config === false) return;
  if (!(config.requestsPerSecond > 0) || !(config.burst >= 1)) {
    throw new Error(`rate limit needs requestsPerSecond > 0 and burst >= 1, got ${JSON.stringify(config)}`);
  }
}
