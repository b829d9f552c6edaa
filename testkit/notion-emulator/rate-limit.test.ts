import { APIResponseError } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, sdkClient, startTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ rateLimit: { requestsPerSecond: 3, burst: 10 } });
});
afterAll(() => emulator.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('rate limit', () => {
  it('allows a burst of 10 then answers 429 rate_limited with Retry-After and the reason', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 3, burst: 10 });
    emulator.admin.resetCounts();
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    for (let i = 0; i < 10; i += 1) await client.users.me({});
    const error = await failure(client.users.me({}));
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', additional_data: { rate_limit_reason: 'public_api_request_rate_limit' } });
    expect((error['headers'] as Headers).get('retry-after')).toBe('1');
    expect(emulator.admin.requestCounts().byRoute['GET /v1/users/me']?.byStatus).toEqual({ '200': 10, '429': 1 });
  });

  it('keeps one bucket per token', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 3, burst: 2 });
    const full = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    await full.users.me({});
    await full.users.me({});
    expect(await failure(full.users.me({}))).toMatchObject({ code: 'rate_limited' });
    await sdkClient(emulator, 'readOnly', '2026-03-11', { retry: false }).users.me({});
  });

  it('makes the SDK wait for Retry-After before retrying', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 3, burst: 1 });
    const client = sdkClient(emulator);
    await client.users.me({});
    const started = Date.now();
    await client.users.me({});
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(1800);
  });

  it('never rate-limits a client that paces itself at the configured rate', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 20, burst: 2 });
    emulator.admin.resetCounts();
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    // Paced like a client-side limiter: each request starts at least one interval after the previous one.
    const interval = 1000 / 20;
    let lastSent = 0;
    for (let i = 0; i < 25; i += 1) {
      const wait = lastSent + interval - performance.now();
      if (wait > 0) await sleep(wait);
      lastSent = performance.now();
      await client.users.me({});
    }
    expect(emulator.admin.requestCounts().byStatus['429']).toBeUndefined();
  });

  it('refuses a configuration that would refuse every request', () => {
    expect(() => emulator.admin.setRateLimit({ requestsPerSecond: 3, burst: 0 })).toThrow('burst >= 1');
    expect(() => emulator.admin.setRateLimit({ requestsPerSecond: 0, burst: 10 })).toThrow('requestsPerSecond > 0');
  });

  it('can be switched off', async () => {
    emulator.admin.setRateLimit(false);
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    await Promise.all(Array.from({ length: 40 }, () => client.users.me({})));
  });
});
