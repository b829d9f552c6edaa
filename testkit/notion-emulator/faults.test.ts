import type { Client } from '@notionhq/client';
import { APIResponseError, RequestTimeoutError, UnknownHTTPResponseError, collectPaginatedAPI } from '@notionhq/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { failure, richTextOf, sdkClient, startTestEmulator } from './test-support/harness';
import type { FaultKind, RunningEmulator } from './types';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 7 });
});
afterEach(() => {
  emulator.admin.setFaults(null);
  emulator.admin.reset();
});
afterAll(() => emulator.close());

const fastRetry = { retry: { maxRetries: 2, initialRetryDelayMs: 5, maxRetryDelayMs: 20 } };

function attempts(route: string): number {
  return emulator.admin.requestCounts().byRoute[route]?.total ?? 0;
}

async function childTitles(client: Client): Promise<string[]> {
  const children = await collectPaginatedAPI(client.blocks.children.list, { block_id: facts.ids.home });
  return children.map((child) => ('child_page' in child ? (child.child_page as { title: string }).title : ''));
}

const createPage = (client: Client, title: string) =>
  client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf(title) } } });

describe('fault kinds against the SDK (notion-api.md §1.3)', () => {
  const cases: { kind: FaultKind; method: 'GET' | 'POST'; errorClass: unknown; code: string; status: number; attempts: number }[] = [
    { kind: 'internal_server_error', method: 'GET', errorClass: APIResponseError, code: 'internal_server_error', status: 500, attempts: 3 },
    { kind: 'internal_server_error', method: 'POST', errorClass: APIResponseError, code: 'internal_server_error', status: 500, attempts: 1 },
    { kind: 'service_unavailable', method: 'GET', errorClass: APIResponseError, code: 'service_unavailable', status: 503, attempts: 3 },
    { kind: 'service_unavailable', method: 'POST', errorClass: APIResponseError, code: 'service_unavailable', status: 503, attempts: 1 },
    { kind: 'gateway_timeout', method: 'GET', errorClass: APIResponseError, code: 'gateway_timeout', status: 504, attempts: 1 },
    { kind: 'conflict_error', method: 'POST', errorClass: APIResponseError, code: 'conflict_error', status: 409, attempts: 1 },
    { kind: 'service_overload', method: 'POST', errorClass: APIResponseError, code: 'service_overload', status: 529, attempts: 3 },
    { kind: 'bad_gateway', method: 'GET', errorClass: UnknownHTTPResponseError, code: 'notionhq_client_response_error', status: 502, attempts: 1 },
    { kind: 'database_connection_unavailable', method: 'GET', errorClass: UnknownHTTPResponseError, code: 'notionhq_client_response_error', status: 503, attempts: 1 },
  ];

  for (const c of cases) {
    it(`${c.kind} on ${c.method} → ${c.code} after ${c.attempts} attempt(s)`, async () => {
      const client = sdkClient(emulator, 'full', '2026-03-11', fastRetry);
      emulator.admin.setFaults({ probability: 1, kinds: [c.kind], methods: [c.method] });
      emulator.admin.resetCounts();
      const call = c.method === 'GET' ? client.pages.retrieve({ page_id: facts.ids.home }) : createPage(client, `Fault ${c.kind}`);
      const error = await failure(call);
      expect(error).toBeInstanceOf(c.errorClass as new () => Error);
      expect(error).toMatchObject({ code: c.code, status: c.status });
      expect(attempts(c.method === 'GET' ? 'GET /v1/pages/{id}' : 'POST /v1/pages')).toBe(c.attempts);
    });
  }

  it('times out the SDK (RequestTimeoutError) when the server hangs', async () => {
    emulator.admin.setFaults({ sequence: ['timeout'], timeout: { hangMs: 400, then: 'destroy' } });
    const error = await failure(sdkClient(emulator, 'full', '2026-03-11', { timeoutMs: 100 }).users.me({}));
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it('drops the connection after hanging in destroy mode (a network error, not an SDK error)', async () => {
    emulator.admin.setFaults({ sequence: ['timeout'], timeout: { hangMs: 50, then: 'destroy' } });
    const error = await failure(sdkClient(emulator).users.me({}));
    expect(error).toBeInstanceOf(TypeError);
    expect(emulator.admin.requestCounts().byStatus['destroyed']).toBe(1);
  });
});

describe('writes under faults', () => {
  it('does not apply a faulted write by default', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11', fastRetry);
    emulator.admin.setFaults({ sequence: ['internal_server_error'] });
    await failure(createPage(client, 'Never stored'));
    expect(await childTitles(client)).not.toContain('Never stored');
  });

  it('applies the write and still fails in apply-then-fail mode', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11', fastRetry);
    emulator.admin.setFaults({ sequence: ['internal_server_error'], applyThenFail: true });
    expect(await failure(createPage(client, 'Stored anyway'))).toMatchObject({ status: 500 });
    expect(await childTitles(client)).toContain('Stored anyway');
  });

  it('completes a write after the client timed out when the hang then responds', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11', { timeoutMs: 100 });
    emulator.admin.setFaults({ sequence: ['timeout'], timeout: { hangMs: 250, then: 'respond' } });
    expect(await failure(createPage(client, 'Late write'))).toBeInstanceOf(RequestTimeoutError);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await childTitles(client)).toContain('Late write');
  });
});

describe('fault selection', () => {
  it('consumes a sequence in order, then stops', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    emulator.admin.setFaults({ sequence: ['gateway_timeout', 'conflict_error'] });
    expect(await failure(client.users.me({}))).toMatchObject({ status: 504 });
    expect(await failure(client.users.me({}))).toMatchObject({ status: 409 });
    await client.users.me({});
  });

  it('limits faults to the given routes', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    emulator.admin.setFaults({ probability: 1, kinds: ['internal_server_error'], routes: ['GET /v1/blocks/{id}/children'] });
    await client.users.me({});
    expect(await failure(client.blocks.children.list({ block_id: facts.ids.home }))).toMatchObject({ status: 500 });
  });

  it('is deterministic for a seed', async () => {
    const client = sdkClient(emulator, 'full', '2026-03-11', { retry: false });
    const run = async (): Promise<boolean[]> => {
      emulator.admin.setFaults({ probability: 0.5, kinds: ['service_unavailable'] });
      const outcomes: boolean[] = [];
      for (let i = 0; i < 30; i += 1) outcomes.push(await client.users.me({}).then(() => true, () => false));
      return outcomes;
    };
    const first = await run();
    const failures = first.filter((ok) => !ok).length;
    expect(failures).toBeGreaterThan(5);
    expect(failures).toBeLessThan(25);
    expect(await run()).toEqual(first);
  });
});
