import { APIResponseError } from '@notionhq/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allRoutes } from './endpoints';
import { expectRefused, failure, sdkClient, startTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

// Faults and the rate limit apply to every API route, including GET /v1/users/me, the first request of
// every job (the token check). A job that starts while faults or a drained bucket are in place sees them.
const fastRetry = { retry: { maxRetries: 2, initialRetryDelayMs: 5, maxRetryDelayMs: 20 } };
const ME = 'GET /v1/users/me';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterEach(() => {
  emulator.admin.setFaults(null);
  emulator.admin.setRateLimit(false);
  emulator.admin.resetCounts();
});
afterAll(() => emulator.close());

describe('the first request of a job (users.me)', () => {
  it('fails with the first fault of a sequence configured at start', async () => {
    const started = await startTestEmulator({ faults: { sequence: ['service_unavailable'] } });
    try {
      const error = await failure(sdkClient(started, 'full', '2026-03-11', { retry: false }).users.me({}));
      expect(error).toBeInstanceOf(APIResponseError);
      expect(error).toMatchObject({ status: 503, code: 'service_unavailable' });
      expect(started.admin.requestCounts().byRoute[ME]?.byStatus).toEqual({ '503': 1 });
    } finally {
      await started.close();
    }
  });

  it('is retried by the SDK after a fault (a GET), and each attempt is counted', async () => {
    emulator.admin.setFaults({ sequence: ['internal_server_error', 'service_overload'] });
    const me = await sdkClient(emulator, 'full', '2026-03-11', fastRetry).users.me({});
    expect(me).toMatchObject({ object: 'user', type: 'bot' });
    expect(emulator.admin.requestCounts().byRoute[ME]?.byStatus).toEqual({ '500': 1, '529': 1, '200': 1 });
  });

  it('can be targeted alone by route or by method', async () => {
    emulator.admin.setFaults({ probability: 1, kinds: ['gateway_timeout'], routes: [ME] });
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    await client.search({ page_size: 1 });
    await expectRefused(client.users.me({}), 'Notion timed out', 504, 'gateway_timeout');
    emulator.admin.setFaults({ sequence: ['conflict_error'], methods: ['GET'] });
    await expectRefused(client.users.me({}), 'Conflict occurred', 409, 'conflict_error');
  });

  it('spends from the token’s bucket and is refused with 429 when the bucket is empty', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 1, burst: 2 });
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    await client.search({ page_size: 1 });
    await client.users.me({});
    const error = await expectRefused(client.users.me({}), 'rate limited', 429, 'rate_limited');
    expect(error).toMatchObject({ additional_data: { rate_limit_reason: 'public_api_request_rate_limit' } });
    expect((error['headers'] as Headers).get('retry-after')).toBe('1');
  });

  it('waits out the Retry-After of a drained bucket when the SDK retries, then succeeds', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 2, burst: 1 });
    await sdkClient(emulator, 'full', '2026-03-11', { retry: false }).search({ page_size: 1 });
    const started = Date.now();
    await sdkClient(emulator).users.me({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(emulator.admin.requestCounts().byRoute[ME]?.byStatus).toEqual({ '429': 1, '200': 1 });
  });

  it('refuses a job whose token is not valid before any fault or rate limit', async () => {
    emulator.admin.setFaults({ sequence: ['service_unavailable'] });
    await expectRefused(sdkClient(emulator, { secret: 'secret_wrong' }, '2026-03-11', { retry: false }).users.me({}), 'API token is invalid.', 401, 'unauthorized');
    await expectRefused(sdkClient(emulator, 'full', '2026-03-11', { retry: false }).users.me({}), 'unavailable', 503, 'service_unavailable');
  });
});

describe('every route', () => {
  const ID = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';
  const routes = allRoutes.map((route) => ({
    key: `${route.method} ${route.template}`,
    method: route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete',
    path: route.template.replace('/v1/', '').replace('{id}', ID),
  }));

  it('covers users.me among the routes', () => {
    expect(routes.map((route) => route.key)).toContain(ME);
  });

  it.each(routes)('$key draws a fault from the sequence', async ({ key, method, path }) => {
    emulator.admin.setFaults({ sequence: ['conflict_error'] });
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    await expectRefused(client.request({ path, method, body: method === 'get' || method === 'delete' ? undefined : {} }), 'Conflict', 409, 'conflict_error');
    expect(emulator.admin.requestCounts().byRoute[key]?.byStatus).toEqual({ '409': 1 });
  });

  it.each(routes)('$key is rate limited', async ({ key, method, path }) => {
    emulator.admin.setRateLimit({ requestsPerSecond: 1, burst: 1 });
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    await client.users.me({});
    await expectRefused(client.request({ path, method, body: method === 'get' || method === 'delete' ? undefined : {} }), 'rate limited', 429, 'rate_limited');
    expect(emulator.admin.requestCounts().byRoute[key]?.byStatus['429']).toBe(1);
  });
});
