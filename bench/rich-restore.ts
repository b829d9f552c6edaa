/**
 * Restore efficiency on the rich fixture: the requests a whole restore sends, against a lower bound no
 * restore can beat — one create per page, row, database, comment and view, two requests per file (create
 * the upload, send it), one append per 100 blocks, and per database the two requests that find and
 * remove the "Default view" Notion adds (list, delete).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { richWorkspaceFacts, startNotionEmulator } from '../testkit/notion-emulator';
import { createNotionClient } from '../electron/engine/notion/client';
import { crawlEmulator, scratchDir, TEST_RETRY_POLICY } from '../testkit/support/crawl';
import { NotionGateway } from '../electron/engine/notion/gateway';
import { RateLimiter } from '../electron/engine/notion/rate-limiter';
import { directorySource, SnapshotReader } from '../electron/engine/snapshot/reader';
import { RestoreJournal } from '../electron/engine/restore/journal';
import { liveWriter } from '../electron/engine/restore/notion-writer';
import { restoreSnapshot } from '../electron/engine/restore/restorer';
import { FileUploader } from '../electron/engine/restore/uploads';

export const RICH_RESTORE_START = '<!-- rich restore section: written by `npm run bench -- --only=rich-restore` -->';
export const RICH_RESTORE_END = '<!-- end of rich restore section -->';

export async function richRestoreSection(): Promise<string[]> {
  const emulator = await startNotionEmulator({ rateLimit: false });
  const crawl = await crawlEmulator(emulator);
  const journalDir = await scratchDir('bench-journal-');
  try {
    const reader = await SnapshotReader.open(directorySource(crawl.dir));
    const client = createNotionClient({ token: emulator.tokens.full, baseUrl: emulator.url });
    const target = await client.pages.create({ parent: { page_id: richWorkspaceFacts.ids.home }, properties: { title: { title: [{ text: { content: 'Bench restore' } }] } } });
    const gateway = new NotionGateway(client, new RateLimiter({ requestsPerSecond: 1000, burst: 100 }), { policy: TEST_RETRY_POLICY });
    const summary = await restoreSnapshot({
      reader,
      writer: liveWriter(gateway),
      journal: await RestoreJournal.open(journalDir, { workspaceId: richWorkspaceFacts.workspaceId, snapshotId: 'bench', target: target.id, selection: [] }),
      uploader: new FileUploader(gateway, reader, null),
      userMap: new Map((await reader.users()).map((user) => [user.id, user.id])),
      targetPageId: target.id,
      selection: [],
    });
    const index = reader.index();
    const rows = index.filter((entry) => entry.isRow).length;
    const pages = index.filter((entry) => entry.object === 'page').length - rows;
    const databases = index.filter((entry) => entry.object === 'database').length;
    const counts = reader.manifest?.counts ?? {};
    const comments = counts.comments ?? 0;
    const files = counts.files ?? 0;
    const blocks = counts.blocks ?? 0;
    const views = counts.views ?? 0;
    const lowerBound = pages + rows + databases + comments + views + 2 * databases + 2 * files + Math.ceil(blocks / 100);
    const stats = gateway.getStats();
    const ratio = stats.apiCalls / lowerBound;
    const byLabel = Object.entries(stats.callsByLabel)
      .sort(([, a], [, b]) => b - a)
      .map(([label, count]) => `${label} ${count}`)
      .join(', ');
    return [
      RICH_RESTORE_START,
      '## Restore of the rich fixture',
      '',
      '| measure | value | target | verdict |',
      '| --- | --- | --- | --- |',
      `| Restore requests ÷ (pages + rows + databases + comments + views + 2 × databases + 2 × files + ⌈blocks ÷ 100⌉) | ${stats.apiCalls} ÷ (${pages} + ${rows} + ${databases} + ${comments} + ${views} + 2 × ${databases} + 2 × ${files} + ${Math.ceil(blocks / 100)}) = ${stats.apiCalls} ÷ ${lowerBound} = **${ratio.toFixed(2)}** | ≤ 1.3 | ${ratio <= 1.3 ? '✅' : '❌'} |`,
      '',
      `Requests by kind: ${byLabel}. The fixture has ${blocks} blocks; ${summary.losses.length} losses were reported (what Notion cannot take back, see docs/restore.md).`,
      RICH_RESTORE_END,
    ];
  } finally {
    await emulator.close();
    await rm(crawl.dir, { recursive: true, force: true });
    await rm(path.resolve(journalDir), { recursive: true, force: true });
  }
}
