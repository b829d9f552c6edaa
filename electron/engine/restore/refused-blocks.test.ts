import { APIErrorCode, APIResponseError } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlRichSnapshot, removeAll, scratchDir } from '../../../testkit/support/crawl';
import { NotionCallError } from '../notion/retry';
import type { SnapshotReader } from '../snapshot/reader';
import { RestoreJournal } from './journal';
import type { NotionWriter } from './notion-writer';
import { dryRunWriter } from './notion-writer';
import { restoreSnapshot } from './restorer';
import { PlannedUploads } from './uploads';

let reader: SnapshotReader;
const dirs: string[] = [];

beforeAll(async () => {
  const crawl = await crawlRichSnapshot();
  dirs.push(crawl.dir);
  reader = crawl.reader;
});
afterAll(async () => removeAll(...dirs));

function refused(): NotionCallError {
  const cause = new APIResponseError({
    code: APIErrorCode.ValidationError,
    status: 400,
    message: 'Equation is invalid.',
    headers: new Headers(),
    rawBodyText: '{}',
    additional_data: undefined,
    request_id: undefined,
  });
  return new NotionCallError('HTTP 400 validation_error', { kind: 'permanent', reason: 'HTTP 400 validation_error', status: 400 }, 1, cause);
}

describe('a block Notion refuses', () => {
  it('is replaced by a note and reported, and the rest of its batch is restored', async () => {
    const base = dryRunWriter();
    const appended: string[] = [];
    const writer: NotionWriter = {
      ...base,
      async append(parent, children, verify, position) {
        const types = children.map((child) => (child as { type: string }).type);
        if (types.includes('equation')) throw refused();
        appended.push(...types);
        return base.append(parent, children, verify, position);
      },
    };
    const journalDir = await scratchDir('journal-');
    dirs.push(journalDir);
    const summary = await restoreSnapshot({
      reader,
      writer,
      journal: await RestoreJournal.open(journalDir, { workspaceId: 'w', snapshotId: 'x', target: 't', selection: [] }),
      uploader: new PlannedUploads(reader, null),
      userMap: new Map(),
      targetPageId: 'target',
      selection: [],
    });
    const refusals = summary.losses.filter((loss) => loss.detail.includes('Notion refused this equation block'));
    expect(refusals.length).toBeGreaterThan(0);
    expect(appended).not.toContain('equation');
    expect(appended).toContain('bookmark');
  });
});
