import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultKind, RunningEmulator } from '../../../testkit/notion-emulator';
import { startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from './client';
import { checkNotionToken } from './token-check';

// The interactive check ("is this token right?") keeps a short budget, but a busy Notion is not a bad token.
const USERS_ME = 'GET /v1/users/me';
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => emulator.close());
beforeEach(() => emulator.admin.resetCounts());
afterEach(() => {
  emulator.admin.setFaults(null);
  emulator.admin.setRateLimit(false);
});

function check(token = emulator.tokens.full): ReturnType<typeof checkNotionToken> {
  return checkNotionToken({ token, baseUrl: emulator.url });
}

function usersMeStatuses(): Record<string, number> {
  return emulator.admin.requestCounts().byRoute[USERS_ME]?.byStatus ?? {};
}

describe('checkNotionToken', () => {
  it.each<FaultKind>(['conflict_error', 'service_unavailable', 'bad_gateway'])('asks again after a %s', async (kind) => {
    emulator.admin.setFaults({ sequence: [kind], routes: [USERS_ME] });
    expect(await check()).toMatchObject({ status: 'valid', workspaceName: expect.any(String) });
    expect(usersMeStatuses()['200']).toBe(1);
  });

  it('waits out a 429 with Retry-After', async () => {
    emulator.admin.setRateLimit({ requestsPerSecond: 1, burst: 1 });
    await createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url }).search({ page_size: 1 });
    expect(await check()).toMatchObject({ status: 'valid' });
    expect(usersMeStatuses()).toEqual({ '429': 1, '200': 1 });
  });

  it('gives up after a few attempts when Notion stays down, and says so', async () => {
    emulator.admin.setFaults({ sequence: Array<FaultKind>(10).fill('service_unavailable'), routes: [USERS_ME] });
    expect(await check()).toMatchObject({ status: 'invalid', problem: 'notion-unavailable' });
    expect(usersMeStatuses()['503']).toBe(3);
  });

  it('does not wait for a Retry-After longer than a person would', async () => {
    emulator.admin.setFaults({ sequence: ['service_overload'], routes: [USERS_ME], retryAfterSeconds: 120 });
    const started = Date.now();
    expect(await check()).toMatchObject({ status: 'invalid', problem: 'notion-unavailable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('calls a refused token (401) bad at once', async () => {
    expect(await check('ntn_not_a_valid_token_at_all_000000000000')).toMatchObject({ status: 'invalid', problem: 'unauthorized', message: expect.stringMatching(/Notion rejected this token/) });
    expect(usersMeStatuses()).toEqual({ '401': 1 });
  });
});
