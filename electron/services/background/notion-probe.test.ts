import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { startNotionEmulator } from '../../../testkit/notion-emulator';
import { NotionProbe } from './notion-probe';
import type { ServiceContext } from '../service-context';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => emulator.close());

/** The two things the probe asks of the services: the saved token and where Notion is. */
function contextWith(token: () => string | undefined): ServiceContext {
  return {
    token: async () => {
      const value = token();
      if (!value) throw new Error('Connect Notion first.');
      return value;
    },
    notionApiUrl: () => emulator.url,
  } as unknown as ServiceContext;
}

describe('the scheduler’s Notion probe', () => {
  let meRequests: () => number;
  beforeEach(() => {
    const before = emulator.admin.requestCounts().byRoute['GET /v1/users/me']?.total ?? 0;
    meRequests = () => (emulator.admin.requestCounts().byRoute['GET /v1/users/me']?.total ?? 0) - before;
  });

  it('hands its check to the backup it let through, once, so Notion is asked once per scheduled backup', async () => {
    const probe = new NotionProbe();
    const context = contextWith(() => emulator.tokens.full);
    expect(await probe.run(context)).toBe('reachable');
    expect(await probe.take(context)).toMatchObject({ status: 'valid' });
    expect(await probe.take(context)).toBeUndefined();
    expect(meRequests()).toBe(1);
  });

  it('hands nothing on when the token changed in between', async () => {
    let token = emulator.tokens.full;
    const probe = new NotionProbe();
    const context = contextWith(() => token);
    await probe.run(context);
    token = 'ntn_another_token_entered_meanwhile_000000000000000';
    expect(await probe.take(context)).toBeUndefined();
  });

  it('says refused without a token, and hands nothing on after a refusal', async () => {
    const probe = new NotionProbe();
    expect(await probe.run(contextWith(() => undefined))).toBe('refused');
    expect(await probe.run(contextWith(() => 'ntn_not_a_token_this_emulator_knows_0000000000000'))).toBe('refused');
    expect(await probe.take(contextWith(() => 'ntn_not_a_token_this_emulator_knows_0000000000000'))).toBeUndefined();
  });
});
