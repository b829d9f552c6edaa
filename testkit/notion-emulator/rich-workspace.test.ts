import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { richWorkspace } from './fixtures/rich-workspace';
import { generateSyntheticWorkspace } from './fixtures/synthetic';
import { Store } from './store';
import { crawlWorkspace } from './test-support/sdk-crawler';
import { sdkClient, startTestEmulator } from './test-support/harness';
import type { RunningEmulator } from './types';

const sizes = (result: Awaited<ReturnType<typeof crawlWorkspace>>) =>
  Object.fromEntries(Object.entries(result).map(([key, set]) => [key, (set as Set<string>).size]));

describe('rich workspace', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  it('matches richWorkspaceFacts when crawled through the SDK with the full token', async () => {
    const result = await crawlWorkspace(sdkClient(emulator));
    expect(sizes(result)).toEqual(facts.fullCrawl);
    expect(result.pages.has(facts.ids.searchOmittedPage)).toBe(true);
    expect(result.pages.has(facts.ids.orphanPage)).toBe(true);
    expect(result.linkedDatabases.has(facts.ids.linkedDatabaseViewBlock)).toBe(true);
    expect(result.pages.has(facts.ids.unsharedPage)).toBe(false);
  });

  it('declares the tokens it exposes', () => {
    expect(emulator.tokens).toMatchObject(facts.tokens);
  });

  it('covers every block type the API returns', () => {
    const types = new Set(richWorkspace().blocks.map((block) => block.type));
    for (const type of [
      'paragraph', 'heading_1', 'heading_2', 'heading_3', 'heading_4', 'bulleted_list_item', 'numbered_list_item', 'to_do',
      'toggle', 'quote', 'callout', 'code', 'equation', 'divider', 'breadcrumb', 'table_of_contents', 'column_list', 'column',
      'table', 'table_row', 'embed', 'bookmark', 'image', 'video', 'audio', 'pdf', 'file', 'link_to_page', 'synced_block',
      'link_preview', 'template', 'tab', 'meeting_notes', 'unsupported',
    ]) {
      expect(types, type).toContain(type);
    }
    const fixture = richWorkspace();
    // child_database blocks are databases: the two real ones and the linked one (linked: true, no data sources)
    expect(fixture.databases.find((database) => database.id === facts.ids.linkedDatabase)).toMatchObject({ linked: true, dataSourceIds: [] });
    const toggleable = fixture.blocks.filter((block) => block.type.startsWith('heading_') && block.payload['is_toggleable'] === true && block.children?.length);
    expect(toggleable.length).toBeGreaterThan(0);
    const media = fixture.blocks.filter((block) => ['image', 'video', 'audio', 'pdf', 'file'].includes(block.type));
    for (const type of ['image', 'video', 'audio', 'pdf', 'file']) {
      expect(new Set(media.filter((b) => b.type === type).map((b) => b.payload['type']))).toEqual(new Set(['file', 'external']));
    }
  });

  it('covers every property type and every rich-text mention', () => {
    const fixture = richWorkspace();
    const propertyTypes = new Set(fixture.dataSources.flatMap((ds) => Object.values(ds.properties).map((p) => p.type)));
    for (const type of [
      'title', 'rich_text', 'number', 'select', 'multi_select', 'status', 'date', 'people', 'files', 'checkbox', 'url', 'email',
      'phone_number', 'formula', 'relation', 'rollup', 'created_time', 'created_by', 'last_edited_time', 'last_edited_by',
      'unique_id', 'button', 'verification', 'place',
    ]) {
      expect(propertyTypes, type).toContain(type);
    }
    const text = JSON.stringify(fixture.blocks);
    for (const mention of ['"type":"page"', '"type":"database"', '"type":"user"', '"type":"date"', '"type":"link_preview"', '"type":"template_mention"', '"type":"custom_emoji"', '"type":"equation"']) {
      expect(text).toContain(mention);
    }
  });
});

describe('synthetic workspace', () => {
  it('produces exactly the counts it reports (checked by an SDK crawl)', async () => {
    const { workspace, counts } = generateSyntheticWorkspace({ pages: 60, blocksPerPage: 5, databases: 2, rowsPerDatabase: 7, filesEvery: 9, seed: 3 });
    const emulator = await startTestEmulator({ workspace });
    try {
      const result = await crawlWorkspace(sdkClient(emulator), { comments: false });
      expect(result.pages.size).toBe(counts.pages);
      expect(result.rows.size).toBe(counts.rows);
      expect(result.blocks.size).toBe(counts.blocks);
      expect(result.databases.size).toBe(counts.databases);
      expect(result.dataSources.size).toBe(counts.dataSources);
      expect(result.hostedFiles.size).toBe(counts.hostedFiles);
      expect(counts.maxDepth).toBeGreaterThanOrEqual(3);
      expect(emulator.tokens.full).toBeTruthy();
    } finally {
      await emulator.close();
    }
  });

  it('is deterministic for a seed', () => {
    const a = generateSyntheticWorkspace({ pages: 30, seed: 11 });
    const b = generateSyntheticWorkspace({ pages: 30, seed: 11 });
    expect(a).toEqual(b);
    expect(generateSyntheticWorkspace({ pages: 30, seed: 12 }).workspace.pages[0]?.id).not.toBe(a.workspace.pages[0]?.id);
  });

  it('generates and loads 10,000 pages in a few seconds', () => {
    const started = performance.now();
    const { workspace, counts } = generateSyntheticWorkspace({ pages: 10_000, seed: 5 });
    const store = Store.fromFixture(workspace);
    const elapsed = performance.now() - started;
    expect(store.pages.size).toBe(counts.pages);
    expect(store.blocks.size).toBe(counts.blocks);
    expect(counts.regularPages).toBe(10_000);
    // About 3 s on an idle machine; the bound leaves room for a busy CI worker.
    expect(elapsed).toBeLessThan(12_000);
  });
});
