import { APIErrorCode, APIResponseError } from '@notionhq/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts } from '../../../testkit/notion-emulator';
import { createNotionClient } from '../notion/client';
import { NotionCallError } from '../notion/retry';
import { describeJobError } from '../jobs/job-errors';
import type { NotionWriter } from './notion-writer';
import { RestoreStepError } from './refusals';
import { RestoreHarness } from '../../../testkit/support/restore-harness';

let harness: RestoreHarness;
beforeAll(async () => {
  harness = await RestoreHarness.start();
});
afterAll(async () => harness.close());

function notionError(status: 400 | 404, message: string): NotionCallError {
  const code = status === 400 ? APIErrorCode.ValidationError : APIErrorCode.ObjectNotFound;
  const cause = new APIResponseError({ code, status, message, headers: new Headers(), rawBodyText: '{}', additional_data: undefined, request_id: undefined });
  return new NotionCallError(`HTTP ${status} ${code}`, { kind: 'permanent', reason: `HTTP ${status} ${code}`, status }, 1, cause);
}

const titleOf = (body: Record<string, unknown>): string =>
  JSON.stringify(Object.values((body.properties ?? {}) as Record<string, { title?: unknown }>).find((value) => value.title)?.title ?? '');

/** A writer that refuses the creates and updates `refuse` picks (by the request body). */
function refusing(refuse: (what: string, body: Record<string, unknown>) => NotionCallError | undefined) {
  return (writer: NotionWriter): NotionWriter => ({
    ...writer,
    async createPage(body, verify) {
      const error = refuse('page', body);
      if (error) throw error;
      return writer.createPage(body, verify);
    },
    async createComment(body, verify) {
      const error = refuse('comment', body);
      if (error) throw error;
      return writer.createComment(body, verify);
    },
    async updatePage(pageId, body) {
      const error = refuse('update', body);
      if (error) throw error;
      return writer.updatePage(pageId, body);
    },
  });
}

describe('objects Notion refuses', () => {
  it('are set aside with a note and reported, and the restore goes on', async () => {
    const target = await harness.newTarget('Refusals');
    const summary = await harness.restore(target, {
      wrapWriter: refusing((what, body) => {
        if (what === 'page' && titleOf(body).includes('"Level 2"')) return notionError(400, 'body.properties.title is invalid.');
        if (what === 'page' && titleOf(body).includes('Task 007"') && 'Estimate' in ((body.properties ?? {}) as object)) return notionError(400, 'Estimate is not a number.');
        if (what === 'comment' && JSON.stringify(body).includes('Looks good')) return notionError(400, 'Comment is too long.');
        // Mega Project's relation is refused with the row, then again on its own.
        if (what === 'page' && titleOf(body).includes('"Mega Project"') && JSON.stringify(body).includes('"relation"')) return notionError(400, 'Relation target is not shared.');
        if (what === 'update' && JSON.stringify(body).includes('relation')) return notionError(400, 'Relation target is not shared.');
        return undefined;
      }),
    });
    const refusedLosses = summary.losses.filter((loss) => loss.kind === 'object-refused').map((loss) => loss.detail);
    expect(refusedLosses).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Notion refused the page "Level 2" \(Home \/ Level 1 \/ Level 2\) \(body\.properties\.title is invalid\.\), so the 2 pages.*not restored either; a note stands in its place$/),
        expect.stringMatching(/^Notion refused the database row "Task 007" \(Home \/ Tasks \/ Task 007\) \(Estimate is not a number\.\); it was restored without its property values except the title$/),
        expect.stringMatching(/^Notion refused a comment on the page "Home" \(Home\) \(Comment is too long\.\); it was left out$/),
        expect.stringMatching(/^Notion refused the database row "Mega Project" .*restored without its property values except the title$/),
        expect.stringMatching(/^Notion refused the relation "Tasks" of the database row "Mega Project" \(Home \/ Projects \/ Mega Project\) \(Relation target is not shared\.\); it was left out$/),
      ]),
    );
    // Everything else is there: every page but Level 2 and the two below it.
    expect(summary.created.pages + summary.created.rows).toBe(richWorkspaceFacts.fullCrawl.pages - 3);
    const client = createNotionClient({ token: harness.emulator.tokens.full, baseUrl: harness.emulator.url });
    const level1 = summary.roots.find((root) => root.title === 'Home')?.newId ?? '';
    const homeChildren = await client.blocks.children.list({ block_id: level1, page_size: 100 });
    const level1Id = homeChildren.results.find((block) => 'type' in block && block.type === 'child_page' && block.child_page.title === 'Level 1')?.id ?? '';
    const inLevel1 = await client.blocks.children.list({ block_id: level1Id, page_size: 100 });
    const note = inLevel1.results.find((block) => 'type' in block && block.type === 'callout');
    expect(JSON.stringify(note)).toContain('Not restored: the page \\"Level 2\\" (Home / Level 1 / Level 2). Notion refused it: body.properties.title is invalid.');
  }, 120_000);

  it('stop the restore with the object named and what to do when Notion cannot find where it writes', async () => {
    const target = await harness.newTarget('Lost parent');
    const failure = await harness
      .restore(target, { wrapWriter: refusing((what, body) => (what === 'page' && titleOf(body).includes('"Level 3"') ? notionError(404, 'Could not find page.') : undefined)) })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(RestoreStepError);
    const described = describeJobError(failure, 'restore');
    expect(described.message).toContain('While restoring the page "Level 3" (Home / Level 1 / Level 2 / Level 3):');
    expect(described.message).toContain('shared with the integration');
    expect(described.message).toContain('run the same restore again');
  }, 120_000);
});
