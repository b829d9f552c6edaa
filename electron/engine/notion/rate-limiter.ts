/**
 * One token bucket per Notion token, shared by every worker of a job (and by every job using the
 * same token). Grants are FIFO. A 429/529 pauses everyone for the full Retry-After, however long:
 * the SDK's own retry caps that wait at 60 s, the per-workspace limit can ask for more.
 */

export interface RateLimiterOptions {
  /** Average rate; Notion documents ≈3 requests per second per connection. */
  requestsPerSecond: number;
  /** Requests that may go out at once after an idle period. */
  burst: number;
  now?: () => number;
}

export interface RateLimiterStats {
  /** Total time requests spent queued (pacing and pauses), summed over requests. */
  waitedMs: number;
  /** Wall-clock time during which all requests were paused by a 429/529. */
  pausedMs: number;
  rateLimitedResponses: number;
  granted: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
  requestedAt: number;
  signal?: AbortSignal | undefined;
  onAbort?: () => void;
}

export class RateLimiter {
  readonly requestsPerSecond: number;
  readonly burst: number;
  private readonly now: () => number;
  private tokens: number;
  private lastRefill: number;
  private pausedUntil = 0;
  private readonly queue: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly stats: RateLimiterStats = { waitedMs: 0, pausedMs: 0, rateLimitedResponses: 0, granted: 0 };

  constructor(options: RateLimiterOptions) {
    if (!(options.requestsPerSecond > 0)) throw new Error('requestsPerSecond must be positive');
    if (!(options.burst >= 1)) throw new Error('burst must be at least 1');
    this.requestsPerSecond = options.requestsPerSecond;
    this.burst = options.burst;
    this.now = options.now ?? Date.now;
    this.tokens = options.burst;
    this.lastRefill = this.now();
  }

  /** Resolves when the caller may send one request. Rejects with the signal's reason if aborted. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, requestedAt: this.now(), signal };
      if (signal) {
        waiter.onAbort = () => {
          const index = this.queue.indexOf(waiter);
          if (index >= 0) this.queue.splice(index, 1);
          // Nobody waits any more: a pending timer would only keep the process alive (minutes at a low rate).
          if (this.queue.length === 0) this.clearTimer();
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      this.pump();
    });
  }

  /** Called on a 429/529: nobody sends anything for `ms`; afterwards the bucket starts empty. */
  pauseFor(ms: number): void {
    this.stats.rateLimitedResponses += 1;
    const now = this.now();
    const until = now + Math.max(0, ms);
    if (until > this.pausedUntil) {
      this.stats.pausedMs += until - Math.max(now, this.pausedUntil);
      this.pausedUntil = until;
    }
    this.tokens = 0;
    this.lastRefill = this.pausedUntil;
    this.reschedule();
  }

  getStats(): RateLimiterStats {
    return { ...this.stats };
  }

  private refill(now: number): void {
    if (now <= this.lastRefill) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.lastRefill) / 1000) * this.requestsPerSecond);
    this.lastRefill = now;
  }

  private reschedule(): void {
    this.clearTimer();
    this.pump();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** setTimeout overflows past 2^31-1 ms (and then fires at once, in a loop): wake up early instead. */
  private schedule(ms: number): void {
    this.timer = setTimeout(() => this.wake(), Math.min(MAX_TIMER_MS, Math.max(1, ms)));
  }

  private pump(): void {
    if (this.timer) return;
    const now = this.now();
    if (now < this.pausedUntil) {
      this.schedule(this.pausedUntil - now);
      return;
    }
    this.refill(now);
    while (this.queue.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      const waiter = this.queue.shift();
      if (!waiter) break;
      if (waiter.signal && waiter.onAbort) waiter.signal.removeEventListener('abort', waiter.onAbort);
      this.stats.waitedMs += now - waiter.requestedAt;
      this.stats.granted += 1;
      waiter.resolve();
    }
    if (this.queue.length > 0) {
      const msUntilToken = Math.ceil(((1 - this.tokens) / this.requestsPerSecond) * 1000);
      this.schedule(msUntilToken);
    }
  }

  private wake(): void {
    this.timer = undefined;
    this.pump();
  }
}

/** One limiter per token, so several jobs on the same token share the budget. */
const limitersByToken = new Map<string, RateLimiter>();

export function limiterForToken(token: string, options: Omit<RateLimiterOptions, 'now'>): RateLimiter {
  const existing = limitersByToken.get(token);
  if (existing && existing.requestsPerSecond === options.requestsPerSecond && existing.burst === options.burst) {
    return existing;
  }
  const limiter = new RateLimiter(options);
  limitersByToken.set(token, limiter);
  return limiter;
}
