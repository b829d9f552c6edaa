import type { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { expectRefused, richTextOf, sdkClient, useTestEmulator } from './test-support/harness';

// Where pages and comments may be created ("Create a page", "Create a comment"), through the SDK.
let client: Client;
useTestEmulator((started) => (client = sdkClient(started)));

const title = (text: string) => ({ title: { title: richTextOf(text) } });
const underPage = (pageId: string, extra: Record<string, unknown> = {}) =>
  client.pages.create({ parent: { page_id: pageId }, properties: title('Child'), ...extra });

async function firstBlockOf(pageId: string): Promise<string> {
  const block = (await client.blocks.children.list({ block_id: pageId })).results.find((child) => 'type' in child && child.type !== 'child_page');
  if (!block) throw new Error('no block');
  return block.id;
}

describe('pages.create parents', () => {
  it('takes only an existing, visible page as page_id: a block, database or data source id is 404 like Notion', async () => {
    await expectRefused(underPage(facts.ids.annotatedParagraphBlock), `Could not find page with ID: ${facts.ids.annotatedParagraphBlock}`, 404);
    await expectRefused(underPage(facts.ids.projectsDatabase), 'Could not find page', 404);
    await expectRefused(underPage(facts.ids.projectsDataSource), 'Could not find page', 404);
    await expectRefused(underPage(facts.ids.unsharedPage), 'Could not find page', 404);
    await expectRefused(client.pages.create({ parent: { type: 'block_id', block_id: facts.ids.annotatedParagraphBlock } as never, properties: title('x') }), 'body.parent.page_id should be defined');
  });

  it('refuses parents in the trash, directly or through an ancestor', async () => {
    const parent = await underPage(facts.ids.home);
    const child = await underPage(parent.id);
    await client.pages.update({ page_id: parent.id, in_trash: true });
    await expectRefused(underPage(parent.id), "Can't edit block that is archived");
    await expectRefused(underPage(child.id), "Can't edit block that is archived");
    await expectRefused(client.pages.update({ page_id: child.id, properties: title('renamed') }), "Can't edit block that is archived");
    const database = await client.databases.create({ parent: { type: 'page_id', page_id: facts.ids.home }, title: richTextOf('Trashed db') });
    const sourceId = 'data_sources' in database ? database.data_sources[0]?.id ?? '' : '';
    await client.databases.update({ database_id: database.id, in_trash: true });
    await expectRefused(client.pages.create({ parent: { data_source_id: sourceId }, properties: { Name: { title: richTextOf('row') } } }), "Can't edit block that is archived");
    await expectRefused(client.pages.create({ parent: { database_id: database.id }, properties: { Name: { title: richTextOf('row') } } }), "Can't edit block that is archived");
  });

  it('takes database_id only for single-source databases', async () => {
    await expectRefused(client.pages.create({ parent: { database_id: facts.ids.tasksDatabase }, properties: { Name: { title: richTextOf('x') } } }), 'has multiple data sources');
    const row = await client.pages.create({ parent: { database_id: facts.ids.projectsDatabase }, properties: { Name: { title: richTextOf('Row') } } });
    expect(row).toMatchObject({ parent: { type: 'data_source_id', data_source_id: facts.ids.projectsDataSource } });
  });

  it('takes position only under a page, after a live direct child of that page', async () => {
    await expectRefused(
      client.pages.create({ parent: { data_source_id: facts.ids.projectsDataSource }, properties: { Name: { title: richTextOf('x') } }, position: { type: 'page_start' } }),
      'body.position is only supported for pages with a page parent.',
    );
    const parent = await underPage(facts.ids.home, { children: [{ paragraph: { rich_text: richTextOf('one') } }, { paragraph: { rich_text: richTextOf('two') } }] });
    const [first, second] = (await client.blocks.children.list({ block_id: parent.id })).results.map((block) => block.id);
    const elsewhere = await firstBlockOf(facts.ids.home);
    await expectRefused(underPage(parent.id, { position: { type: 'after_block', after_block: { id: elsewhere } } }), 'is not a child of the parent page');
    await client.blocks.delete({ block_id: second ?? '' });
    await expectRefused(underPage(parent.id, { position: { type: 'after_block', after_block: { id: second } } }), 'is not a child of the parent page');
    await underPage(parent.id, { position: { type: 'after_block', after_block: { id: first } } });
  });

  it('refuses children with content, too many children, and workspace pages for internal tokens', async () => {
    const paragraph = { paragraph: { rich_text: richTextOf('x') } };
    await expectRefused(underPage(facts.ids.home, { children: [paragraph], content: [paragraph] }), 'Provide either body.children or body.content');
    await expectRefused(underPage(facts.ids.home, { content: Array.from({ length: 101 }, () => paragraph) }), 'body.content.length should be ≤ `100`');
    await expectRefused(client.pages.create({ parent: { workspace: true }, properties: title('Top') }), 'Internal integrations cannot create workspace-level pages');
  });
});

describe('comments.create', () => {
  const text = richTextOf('A comment');

  it('takes either a parent or a discussion_id, never both', async () => {
    const first = await client.comments.create({ parent: { page_id: facts.ids.home }, rich_text: text });
    const discussion = (first as { discussion_id: string }).discussion_id;
    await expectRefused(
      client.request({ path: 'comments', method: 'post', body: { parent: { page_id: facts.ids.home }, discussion_id: discussion, rich_text: text } }),
      'body.parent should be not present when body.discussion_id is given',
    );
    await expectRefused(client.comments.create({ discussion_id: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f', rich_text: text }), 'Could not find discussion', 404);
  });

  it('comments on visible, live pages and blocks only; page_id must be a page, and databases take none', async () => {
    await expectRefused(client.comments.create({ parent: { page_id: facts.ids.annotatedParagraphBlock }, rich_text: text }), 'Could not find page', 404);
    await expectRefused(client.comments.create({ parent: { block_id: facts.ids.projectsDatabase }, rich_text: text }), 'Could not find block', 404);
    await expectRefused(client.comments.create({ parent: { page_id: facts.ids.unsharedPage }, rich_text: text }), 'Could not find', 404);
    const page = await underPage(facts.ids.home);
    const comment = await client.comments.create({ parent: { page_id: page.id }, rich_text: text });
    await client.pages.update({ page_id: page.id, in_trash: true });
    await expectRefused(client.comments.create({ parent: { page_id: page.id }, rich_text: text }), "Can't edit block that is archived");
    await expectRefused(client.comments.create({ discussion_id: (comment as { discussion_id: string }).discussion_id, rich_text: text }), "Can't edit block that is archived");
    await client.comments.create({ parent: { block_id: facts.ids.annotatedParagraphBlock }, rich_text: text });
  });

  it('limits rich text and attachments, and checks display_name', async () => {
    const parent = { page_id: facts.ids.home };
    await expectRefused(client.comments.create({ parent, rich_text: [] }), 'body.rich_text should not be empty');
    await expectRefused(client.comments.create({ parent, rich_text: richTextOf('x'.repeat(2001)) }), 'body.rich_text[0].text.content.length should be ≤ `2000`');
    const ids = ['a', 'b', 'c', 'd'].map(() => ({ file_upload_id: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f' }));
    await expectRefused(client.comments.create({ parent, rich_text: text, attachments: ids }), 'body.attachments.length should be ≤ `3`, instead was `4`.');
    await expectRefused(client.comments.create({ parent, rich_text: text, display_name: { type: 'custom', custom: { name: '' } } }), 'display_name.custom.name should be a non-empty string');
    await expectRefused(client.comments.create({ parent, rich_text: text, display_name: { type: 'robot' } as never }), 'body.display_name.type should be');
    expect(await client.comments.create({ parent, rich_text: text, display_name: { type: 'custom', custom: { name: 'Restore bot' } } })).toMatchObject({
      display_name: { type: 'custom', resolved_name: 'Restore bot' },
    });
  });
});
