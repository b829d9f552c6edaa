import { describe, expect, it } from 'vitest';
import { convertPageProperties } from './properties';
import { fakeContext, responseMention, responseText, USER_NEW, USER_OLD } from '../../../../testkit/support/convert-context';

const PAGE = 'p0000000-0000-4000-8000-000000000001';

const SCHEMA = {
  Name: { type: 'title' },
  Notes: { type: 'rich_text' },
  Budget: { type: 'number' },
  Stage: { type: 'select' },
  Tags: { type: 'multi_select' },
  Status: { type: 'status' },
  Deadline: { type: 'date' },
  Active: { type: 'checkbox' },
  Website: { type: 'url' },
  Contact: { type: 'email' },
  Phone: { type: 'phone_number' },
  Owners: { type: 'people' },
  Attachments: { type: 'files' },
  Tasks: { type: 'relation' },
  Location: { type: 'place' },
  Score: { type: 'formula' },
};

const plain = (content: string) => ({ type: 'text', text: { content }, annotations: { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' } });

describe('convertPageProperties', () => {
  it('converts every writable type', () => {
    const ctx = fakeContext({ users: { [USER_OLD]: USER_NEW }, uploads: { [`property:${PAGE}:att:0`]: 'upload-1' } });
    const { properties, deferredRelations } = convertPageProperties(
      {
        Name: { id: 'title', type: 'title', title: [responseText('Mega')] },
        Notes: { id: 'n', type: 'rich_text', rich_text: [responseText('Some notes')] },
        Budget: { id: 'b', type: 'number', number: 250000 },
        Stage: { id: 's', type: 'select', select: { id: 'x', name: 'Active', color: 'blue' } },
        Tags: { id: 't', type: 'multi_select', multi_select: [{ id: '1', name: 'backup', color: 'red' }, { id: '2', name: 'infra', color: 'pink' }] },
        Status: { id: 'st', type: 'status', status: { id: 'st-doing', name: 'In progress', color: 'blue' } },
        Deadline: { id: 'd', type: 'date', date: { start: '2025-12-31', end: null, time_zone: null } },
        Active: { id: 'a', type: 'checkbox', checkbox: true },
        Website: { id: 'w', type: 'url', url: 'https://example.com' },
        Contact: { id: 'c', type: 'email', email: 'a@example.com' },
        Phone: { id: 'ph', type: 'phone_number', phone_number: '+1 555' },
        Owners: { id: 'o', type: 'people', people: [{ object: 'user', id: USER_OLD, name: 'Ada' }] },
        Attachments: {
          id: 'att',
          type: 'files',
          files: [
            { name: 'spec.pdf', type: 'file', file: { url: 'https://files/spec.pdf', expiry_time: null } },
            { name: 'brief', type: 'external', external: { url: 'https://docs.example.com/brief.pdf' } },
          ],
        },
        Location: { id: 'l', type: 'place', place: { lat: 48.8, lon: 2.3, name: 'Paris office', address: null } },
      },
      SCHEMA,
      ctx,
      { pageId: PAGE },
    );
    expect(properties).toEqual({
      Name: { type: 'title', title: [plain('Mega')] },
      Notes: { type: 'rich_text', rich_text: [plain('Some notes')] },
      Budget: { type: 'number', number: 250000 },
      Stage: { type: 'select', select: { name: 'Active' } },
      Tags: { type: 'multi_select', multi_select: [{ name: 'backup' }, { name: 'infra' }] },
      Status: { type: 'status', status: { name: 'In progress' } },
      Deadline: { type: 'date', date: { start: '2025-12-31', end: null, time_zone: null } },
      Active: { type: 'checkbox', checkbox: true },
      Website: { type: 'url', url: 'https://example.com' },
      Contact: { type: 'email', email: 'a@example.com' },
      Phone: { type: 'phone_number', phone_number: '+1 555' },
      Owners: { type: 'people', people: [{ id: USER_NEW }] },
      Attachments: {
        type: 'files',
        files: [
          { name: 'spec.pdf', type: 'file_upload', file_upload: { id: 'upload-1' } },
          { name: 'brief', type: 'external', external: { url: 'https://docs.example.com/brief.pdf' } },
        ],
      },
      Location: { type: 'place', place: { lat: 48.8, lon: 2.3, name: 'Paris office' } },
    });
    expect(deferredRelations).toEqual([]);
    expect(ctx.losses).toEqual([]);
  });

  it('defers relations, using the full list from properties.json when stored', () => {
    const ctx = fakeContext();
    const capped = Array.from({ length: 25 }, (_unused, index) => ({ id: `r${index}` }));
    const full = Array.from({ length: 30 }, (_unused, index) => ({ object: 'property_item', type: 'relation', relation: { id: `r${index}` } }));
    const result = convertPageProperties({ Tasks: { id: 'rel', type: 'relation', relation: capped, has_more: true } }, SCHEMA, ctx, {
      pageId: PAGE,
      fullValues: { rel: { name: 'Tasks', type: 'relation', results: full } },
    });
    expect(result.properties).toEqual({});
    expect(result.deferredRelations).toEqual([{ property: 'Tasks', oldIds: full.map((item) => item.relation.id) }]);
    expect(ctx.losses).toEqual([]);
  });

  it('uses full people and rich-text lists; unmapped people are dropped with a loss', () => {
    const ctx = fakeContext({ users: { [USER_OLD]: USER_NEW } });
    const result = convertPageProperties(
      {
        Owners: { id: 'o', type: 'people', people: [{ object: 'user', id: USER_OLD }] },
        Notes: { id: 'n', type: 'rich_text', rich_text: [responseText('capped')] },
      },
      SCHEMA,
      ctx,
      {
        pageId: PAGE,
        fullValues: {
          o: { name: 'Owners', type: 'people', results: [{ people: { id: USER_OLD } }, { people: { id: 'gone', name: 'Grace' } }] },
          n: { name: 'Notes', type: 'rich_text', results: [{ rich_text: responseText('full ') }, { rich_text: responseMention({ type: 'user', user: { id: USER_OLD } }, '@Ada') }] },
        },
      },
    );
    expect(result.properties.Owners).toEqual({ type: 'people', people: [{ id: USER_NEW }] });
    expect(result.properties.Notes).toEqual({
      type: 'rich_text',
      rich_text: [plain('full '), { type: 'mention', mention: { type: 'user', user: { id: USER_NEW } }, annotations: plain('').annotations }],
    });
    expect(ctx.losses).toEqual([expect.objectContaining({ kind: 'user-not-mapped', objectId: PAGE })]);
  });

  it('drops read-only values with one loss per property', () => {
    const ctx = fakeContext();
    const result = convertPageProperties(
      {
        Score: { id: 's', type: 'formula', formula: { type: 'number', number: 3 } },
        Count: { id: 'c', type: 'rollup', rollup: { type: 'number', number: 3 } },
        Created: { id: 'ct', type: 'created_time', created_time: '2025-01-01' },
        'Created by': { id: 'cb', type: 'created_by', created_by: { id: 'u' } },
        Updated: { id: 'u', type: 'last_edited_time', last_edited_time: '2025-01-01' },
        'Updated by': { id: 'ub', type: 'last_edited_by', last_edited_by: { id: 'u' } },
        ID: { id: 'id', type: 'unique_id', unique_id: { prefix: 'PRJ', number: 1 } },
        Action: { id: 'ac', type: 'button', button: {} },
        Verification: { id: 'v', type: 'verification', verification: { state: 'verified' } },
      },
      SCHEMA,
      ctx,
      { pageId: PAGE },
    );
    expect(result.properties).toEqual({});
    expect(ctx.losses.map((loss) => [loss.kind, loss.detail.split('"')[1]])).toEqual(
      ['Score', 'Count', 'Created', 'Created by', 'Updated', 'Updated by', 'ID', 'Action', 'Verification'].map((name) => ['read-only-property', name]),
    );
  });

  it('only sends properties the target has with the same type', () => {
    const ctx = fakeContext();
    const result = convertPageProperties(
      {
        Budget: { id: 'b', type: 'rich_text', rich_text: [responseText('not a number')] },
        Missing: { id: 'm', type: 'number', number: 4 },
        Empty: { id: 'e', type: 'number', number: null },
      },
      SCHEMA,
      ctx,
      { pageId: PAGE },
    );
    expect(result.properties).toEqual({});
    expect(ctx.lossKinds()).toEqual(['other', 'other']);
  });

  it('a page under a page sends only its title, under the schema title name', () => {
    const ctx = fakeContext();
    const result = convertPageProperties(
      { title: { id: 'title', type: 'title', title: [responseText('Home')] }, Budget: { id: 'b', type: 'number', number: 1 } },
      { title: { type: 'title' } },
      ctx,
      { pageId: PAGE, isRow: false },
    );
    expect(result.properties).toEqual({ title: { type: 'title', title: [plain('Home')] } });
    const renamed = convertPageProperties({ Task: { id: 'title', type: 'title', title: [responseText('A')] } }, SCHEMA, ctx, { pageId: PAGE });
    expect(Object.keys(renamed.properties)).toEqual(['Name']);
    expect(ctx.losses).toEqual([]);
  });

  it('truncates title and text over 100 pieces, hosted files without upload are dropped', () => {
    const ctx = fakeContext();
    const long = Array.from({ length: 130 }, (_unused, index) => responseText(`w${index}`, { bold: index % 2 === 0 }));
    const result = convertPageProperties(
      {
        Name: { id: 'title', type: 'title', title: long },
        Attachments: { id: 'att', type: 'files', files: [{ name: 'a.pdf', type: 'file', file: { url: 'https://f/a.pdf' } }] },
      },
      SCHEMA,
      ctx,
      { pageId: PAGE },
    );
    expect((result.properties.Name as { title: unknown[] }).title).toHaveLength(100);
    expect(result.properties.Attachments).toBeUndefined();
    expect(ctx.lossKinds()).toEqual(['text-truncated', 'file-not-available']);
  });
});
