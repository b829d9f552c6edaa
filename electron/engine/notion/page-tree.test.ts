import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../testkit/notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../../../testkit/notion-emulator';
import { createNotionClient } from './client';
import { NotionGateway } from './gateway';
import { listPickablePages } from './page-tree';
import { RateLimiter } from './rate-limiter';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startNotionEmulator({ rateLimit: false });
});
afterAll(async () => emulator.close());

const gateway = (token: string) =>
  new NotionGateway(createNotionClient({ token, baseUrl: emulator.url }), new RateLimiter({ requestsPerSecond: 1000, burst: 100 }));

describe('listPickablePages', () => {
  it('lists pages and databases as a tree, without database rows', async () => {
    const items = await listPickablePages(gateway(emulator.tokens.full));
    const byId = new Map(items.map((item) => [item.id, item]));
    const home = byId.get(richWorkspaceFacts.ids.home);
    expect(home).toMatchObject({ object: 'page', parentId: null });
    expect(byId.get(richWorkspaceFacts.ids.childPages[0] as string)?.parentId).toBe(richWorkspaceFacts.ids.home);
    expect(byId.get(richWorkspaceFacts.ids.tasksDatabase)).toMatchObject({ object: 'database', title: expect.any(String) });
    expect(byId.has(richWorkspaceFacts.ids.megaProjectRow)).toBe(false);
    // Shared without its parent: shown at the top.
    expect(byId.get(richWorkspaceFacts.ids.orphanPage)?.parentId).toBeNull();
    expect(byId.has(richWorkspaceFacts.ids.unsharedPage)).toBe(false);
    expect(items.every((item) => item.parentId === null || byId.has(item.parentId))).toBe(true);
  });

  it('is empty for a token that sees nothing', async () => {
    expect(await listPickablePages(gateway(emulator.tokens.noAccess))).toEqual([]);
  });
});
