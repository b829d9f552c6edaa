import { afterAll, beforeAll, describe, it } from 'vitest';
import { RestoreHarness } from '../../../testkit/support/restore-harness';

let harness: RestoreHarness;
beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

/** Every kind of write a restore makes: pages and rows, appends, databases, data sources, schema and relation updates, uploads, comments. */
const WRITE_ROUTES = [
  'POST /v1/pages',
  'PATCH /v1/pages/{id}',
  'PATCH /v1/blocks/{id}/children',
  'POST /v1/databases',
  'POST /v1/data_sources',
  'PATCH /v1/data_sources/{id}',
  'POST /v1/views',
  'DELETE /v1/views/{id}',
  'POST /v1/file_uploads',
  'POST /v1/file_uploads/{id}/send',
  'POST /v1/comments',
];

describe('a restore whose answers get lost', () => {
  // 10 % of writes fail; half of those were applied before the failure, as a timed-out request may be.
  it.each(Array.from({ length: 20 }, (_unused, seed) => seed + 1))('creates nothing twice (seed %i)', async (seed) => {
    const target = await harness.newTarget(`Lost answers ${seed}`);
    harness.emulator.admin.setFaults({
      seed,
      probability: 0.1,
      kinds: ['internal_server_error', 'gateway_timeout', 'conflict_error', 'service_unavailable'],
      applyThenFail: 0.5,
      routes: WRITE_ROUTES,
    });
    try {
      await harness.restore(target);
    } finally {
      harness.emulator.admin.setFaults(null);
    }
    await harness.expectFaithful(target);
  }, 120_000);
});
