import type { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from './fixtures/rich-facts';
import { expectRefused, richTextOf, sdkClient, useTestEmulator } from './test-support/harness';

// Rich-text and property value rules ("Request limits", "Rich text", "Page properties"), through the SDK.
let client: Client;
useTestEmulator((started) => (client = sdkClient(started)));

const MISSING = '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f';

function paragraphWith(item: unknown) {
  return client.blocks.children.append({ block_id: facts.ids.home, children: [{ paragraph: { rich_text: [item] as never } }] });
}

function setProject(properties: Record<string, unknown>) {
  return client.pages.update({ page_id: facts.ids.megaProjectRow, properties: properties as never });
}

async function firstRow(dataSourceId: string): Promise<string> {
  const row = (await client.dataSources.query({ data_source_id: dataSourceId, page_size: 1 })).results[0];
  if (!row) throw new Error('no row');
  return row.id;
}

describe('rich text', () => {
  it('accepts absolute web and mail links only, up to 2000 characters', async () => {
    const link = (url: string) => ({ type: 'text', text: { content: 'x', link: { url } } });
    await expectRefused(paragraphWith(link('/0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f0f')), 'Invalid URL for link');
    await expectRefused(paragraphWith(link('javascript:alert(1)')), 'Invalid URL for link');
    await expectRefused(paragraphWith(link(`https://example.com/${'a'.repeat(1990)}`)), 'text.link.url.length should be ≤ `2000`');
    await expectRefused(paragraphWith({ type: 'text', text: { content: 'x', link: 'https://example.com' } }), 'text.link should be an object');
    await paragraphWith(link('mailto:ada@example.com'));
    await paragraphWith({ type: 'text', text: { content: 'no link', link: null } });
  });

  it('limits equations to 1000 characters', async () => {
    await expectRefused(paragraphWith({ type: 'equation', equation: { expression: 'x'.repeat(1001) } }), 'equation.expression.length should be ≤ `1000`, instead was `1001`.');
    await paragraphWith({ type: 'equation', equation: { expression: 'x'.repeat(1000) } });
  });

  it('mentions only users of the workspace and pages or databases the token can see', async () => {
    const mention = (value: unknown) => ({ type: 'mention', mention: value });
    await expectRefused(paragraphWith(mention({ user: { id: MISSING } })), 'is not a user in this workspace');
    await expectRefused(paragraphWith(mention({ page: { id: MISSING } })), 'Could not find page', 404);
    await expectRefused(paragraphWith(mention({ page: { id: facts.ids.unsharedPage } })), 'Could not find page', 404);
    await expectRefused(paragraphWith(mention({ database: { id: facts.ids.projectsDataSource } })), 'Could not find database', 404);
    await expectRefused(paragraphWith(mention({ link_mention: { href: 'https://example.com' } })), 'should be a user, date, page, database, template_mention or custom_emoji mention');
    await paragraphWith(mention({ page: { id: facts.ids.childPages[0] } }));
    await paragraphWith(mention({ user: { id: facts.users.grace } }));
  });

  it('takes ISO 8601 dates and the two template mentions only', async () => {
    const mention = (value: unknown) => ({ type: 'mention', mention: value });
    await expectRefused(paragraphWith(mention({ date: { start: 'tomorrow' } })), 'should be a valid ISO 8601 date string');
    await expectRefused(paragraphWith(mention({ date: { start: '2026-01-01', time_zone: 'Mars/Olympus' } })), 'should be a valid IANA time zone');
    await expectRefused(paragraphWith(mention({ template_mention: { template_mention_date: 'yesterday' } })), 'should be `"today"` or `"now"`');
    await paragraphWith(mention({ date: { start: '2026-01-01T10:00:00.000+02:00', end: '2026-01-02' } }));
    await paragraphWith(mention({ template_mention: { template_mention_user: 'me' } }));
  });
});

describe('property values', () => {
  it('relates only to rows of the related data source, at most 100 per request', async () => {
    const task = await firstRow(facts.ids.tasksDataSource);
    const archived = await firstRow(facts.ids.archiveDataSource);
    await expectRefused(setProject({ Tasks: { relation: [{ id: facts.ids.home }] } }), `is not a page of the related data source ${facts.ids.tasksDataSource}`);
    await expectRefused(setProject({ Tasks: { relation: [{ id: archived }] } }), 'is not a page of the related data source');
    await expectRefused(setProject({ Tasks: { relation: Array.from({ length: 101 }, () => ({ id: task })) } }), 'relation.length should be ≤ `100`, instead was `101`.');
    await client.pages.update({ page_id: task, in_trash: true });
    await expectRefused(setProject({ Tasks: { relation: [{ id: task }] } }), 'is not a page of the related data source');
  });

  it('refuses commas in select names and new status options', async () => {
    await expectRefused(setProject({ Stage: { select: { name: 'Plan, then build' } } }), 'commas are not valid in select option names');
    await expectRefused(setProject({ Tags: { multi_select: [{ name: 'a,b' }] } }), 'commas are not valid in multi_select option names');
    await expectRefused(setProject({ Status: { status: { name: 'Brand new status' } } }), 'Invalid status option');
    await expectRefused(setProject({ Tags: { multi_select: Array.from({ length: 101 }, (_u, i) => ({ name: `t${i}` })) } }), 'multi_select.length should be ≤ `100`');
  });

  it('checks dates, places, people, files, text lengths and value types', async () => {
    await expectRefused(setProject({ Deadline: { date: { start: '01/02/2026' } } }), 'should be a valid ISO 8601 date string');
    await expectRefused(setProject({ Deadline: { date: { start: '2026-01-01', end: 'soon' } } }), 'Deadline.date.end should be a valid ISO 8601');
    await expectRefused(setProject({ Location: { place: { lat: 91, lon: 0 } } }), 'lat should be a number between -90 and 90');
    await expectRefused(setProject({ Location: { place: { name: 'Nowhere' } } }), 'lat should be a number');
    await expectRefused(setProject({ Owners: { people: [{ id: MISSING }] } }), 'is not a user in this workspace');
    await expectRefused(setProject({ Owners: { people: Array.from({ length: 101 }, () => ({ id: facts.users.grace })) } }), 'people.length should be ≤ `100`');
    await expectRefused(setProject({ Attachments: { files: [{ external: { url: 'https://example.com/a.pdf' } }] } }), 'Attachments.files[0].name should be defined');
    await expectRefused(setProject({ Contact: { email: `${'a'.repeat(190)}@example.com` } }), 'email.length should be ≤ `200`');
    await expectRefused(setProject({ Phone: { phone_number: '1'.repeat(201) } }), 'phone_number.length should be ≤ `200`');
    await expectRefused(setProject({ Website: { url: `https://example.com/${'a'.repeat(2000)}` } }), 'url.length should be ≤ `2000`');
    await expectRefused(setProject({ Active: { checkbox: 'yes' } }), 'checkbox should be a boolean');
    await expectRefused(setProject({ Budget: { number: '5' } }), 'number should be a number');
    await expectRefused(setProject({ Budget: { rich_text: [] } }), 'Budget is expected to be number');
    const page = await setProject({ Deadline: { date: { start: '2026-01-01', time_zone: 'Europe/Paris' } }, Location: { place: { lat: 48.85, lon: 2.35, name: 'Paris' } } });
    expect(page).toMatchObject({ properties: { Deadline: { date: { start: '2026-01-01', time_zone: 'Europe/Paris' } } } });
  });

  it('refuses verification values: only wiki pages are verified, and the API cannot make wikis', async () => {
    await expectRefused(setProject({ Verification: { verification: { state: 'unverified' } } }), 'verification can only be set on pages of a wiki');
  });

  it('allows only the title on a page under a page', async () => {
    const page = await client.pages.create({ parent: { page_id: facts.ids.home }, properties: { title: { title: richTextOf('Plain') } } });
    await expectRefused(client.pages.update({ page_id: page.id, properties: { Budget: { number: 1 } } }), 'Budget is not a property that exists.');
  });
});
