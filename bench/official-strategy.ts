import { Client } from '@notionhq/client';
import PQueue from 'p-queue';

/**
 * Replays the request pattern of plakar's official Notion connector (../shared/reference/
 * official-notion-connector.md §2) against the emulator and counts its requests: search with
 * page_size 1, then for every page found GET /pages/{id} and its block children with page_size 1,
 * recursively for every block with children except child pages, and GET /databases/{id}. No rows
 * queries, comments or users (it makes none). Rate limiting is off: only the count matters.
 */
export async function countOfficialStrategyRequests(url: string, token: string): Promise<number> {
  const client = new Client({ auth: token, baseUrl: url, notionVersion: '2025-09-03', retry: false });
  let requests = 0;
  const queue = new PQueue({ concurrency: 16 });
  const listChildren = async (blockId: string): Promise<void> => {
    let cursor: string | undefined;
    do {
      requests += 1;
      const page = await client.blocks.children.list({ block_id: blockId, page_size: 1, start_cursor: cursor });
      for (const block of page.results as Array<{ id: string; type: string; has_children: boolean }>) {
        if (block.has_children && block.type !== 'child_page' && block.type !== 'child_database') {
          void queue.add(() => listChildren(block.id));
        }
      }
      cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
    } while (cursor);
  };
  let cursor: string | undefined;
  do {
    requests += 1;
    const page = await client.search({ page_size: 1, start_cursor: cursor });
    for (const item of page.results as Array<{ id: string; object: string; parent?: { database_id?: string } }>) {
      if (item.object === 'page') {
        void queue.add(async () => {
          requests += 1;
          await client.pages.retrieve({ page_id: item.id });
          await listChildren(item.id);
        });
      } else if (item.object === 'data_source' && item.parent?.database_id) {
        const databaseId = item.parent.database_id;
        void queue.add(async () => {
          requests += 1;
          await client.databases.retrieve({ database_id: databaseId });
        });
      }
    }
    cursor = page.has_more ? (page.next_cursor ?? undefined) : undefined;
  } while (cursor);
  await queue.onIdle();
  return requests;
}
