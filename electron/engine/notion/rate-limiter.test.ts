import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter } from './rate-limiter';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Acquires `count` tokens concurrently and records the fake time at which each was granted. */
function grantTimes(limiter: RateLimiter, count: number): number[] {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) void limiter.acquire().then(() => times.push(Date.now()));
  return times;
}

describe('RateLimiter', () => {
  it('lets a burst through at once, then paces at the average rate', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 3, burst: 3 });
    const times = grantTimes(limiter, 9);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times.slice(0, 3)).toEqual([0, 0, 0]);
    // After the burst, one grant every 333 ms.
    const gaps = times.slice(3).map((time, index) => time - (times[index + 2] ?? 0));
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(333);
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(334);
  });

  it('never exceeds the rate over any window once the burst is spent', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 3, burst: 10 });
    const times = grantTimes(limiter, 100);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(times).toHaveLength(100);
    // Over the whole run: burst + rate × elapsed.
    const elapsedSeconds = (times.at(-1) ?? 0) / 1000;
    expect(100).toBeLessThanOrEqual(10 + 3 * elapsedSeconds + 1);
    // And not slower than needed (within 1%).
    expect(elapsedSeconds).toBeLessThanOrEqual(((100 - 10) / 3) * 1.01);
  });

  it('pauses every waiter for the full Retry-After, even beyond 60 s', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 3, burst: 1 });
    await limiter.acquire();
    limiter.pauseFor(90_000);
    const times = grantTimes(limiter, 2);
    await vi.advanceTimersByTimeAsync(89_999);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(times[0]).toBeGreaterThanOrEqual(90_000);
    expect(limiter.getStats()).toMatchObject({ rateLimitedResponses: 1, pausedMs: 90_000 });
  });

  it('does not shorten a pause when a shorter Retry-After arrives', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 10, burst: 1 });
    limiter.pauseFor(5_000);
    limiter.pauseFor(1_000);
    const times = grantTimes(limiter, 1);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(times[0]).toBeGreaterThanOrEqual(5_000);
    expect(limiter.getStats().pausedMs).toBe(5_000);
  });

  it('grants in request order', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 5, burst: 1 });
    const order: number[] = [];
    for (let index = 0; index < 5; index += 1) void limiter.acquire().then(() => order.push(index));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops an aborted waiter without granting it a token', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 1, burst: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const next = grantTimes(limiter, 1);
    controller.abort(new Error('cancelled'));
    await expect(aborted).rejects.toThrow('cancelled');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(next).toEqual([1_000]);
  });

  it('leaves no timer behind once its last waiter is aborted (a pending timer keeps the process alive)', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 0.001, burst: 1 });
    await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never asks for a timer longer than setTimeout can hold (it would fire at once, in a loop)', async () => {
    const limiter = new RateLimiter({ requestsPerSecond: 1e-9, burst: 1 });
    await limiter.acquire();
    let granted = false;
    void limiter.acquire().then(() => (granted = true));
    const spy = vi.spyOn(globalThis, 'setTimeout');
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(granted).toBe(false);
    for (const call of spy.mock.calls) expect(call[1]).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(spy.mock.calls.length).toBeLessThan(5);
    spy.mockRestore();
  });

  it('rejects a bad configuration', () => {
    expect(() => new RateLimiter({ requestsPerSecond: 0, burst: 1 })).toThrow();
    expect(() => new RateLimiter({ requestsPerSecond: 3, burst: 0 })).toThrow();
  });
});
