import { describe, expect, it } from 'vitest';
import { convertComment } from './comments';
import { convertCover, convertIcon } from './files';
import { fakeContext, responseMention, responseText, USER_NEW, USER_OLD } from '../../../../testkit/support/convert-context';

const hosted = { type: 'file', file: { url: 'https://files.example/icon.png', expiry_time: null } };

describe('convertIcon', () => {
  it('keeps emoji, external and native icons', () => {
    const ctx = fakeContext();
    expect(convertIcon({ type: 'emoji', emoji: '🏠' }, 'page:p:icon', ctx)).toEqual({ type: 'emoji', emoji: '🏠' });
    expect(convertIcon({ type: 'external', external: { url: 'https://x.example/i.png' } }, 'page:p:icon', ctx)).toEqual({
      type: 'external',
      external: { url: 'https://x.example/i.png' },
    });
    expect(convertIcon({ type: 'icon', icon: { name: 'pizza', color: 'blue' } }, 'page:p:icon', ctx)).toEqual({ type: 'icon', icon: { name: 'pizza', color: 'blue' } });
    expect(convertIcon(null, 'page:p:icon', ctx)).toBeUndefined();
    expect(ctx.losses).toEqual([]);
  });

  it('sends a hosted icon as its upload, or drops it with a loss', () => {
    expect(convertIcon(hosted, 'page:p:icon', fakeContext({ uploads: { 'page:p:icon': 'up' } }))).toEqual({ type: 'file_upload', file_upload: { id: 'up' } });
    const ctx = fakeContext();
    expect(convertIcon(hosted, 'database:d:icon', ctx)).toBeUndefined();
    expect(ctx.losses).toEqual([expect.objectContaining({ kind: 'file-not-available', objectId: 'd' })]);
  });

  it('a custom emoji becomes an image icon (or is dropped) with a loss', () => {
    const ctx = fakeContext();
    expect(convertIcon({ type: 'custom_emoji', custom_emoji: { id: 'e', name: 'kloset', url: 'https://x.example/k.png' } }, 'page:p:icon', ctx)).toEqual({
      type: 'external',
      external: { url: 'https://x.example/k.png' },
    });
    expect(convertIcon({ type: 'custom_emoji', custom_emoji: { id: 'e', name: 'kloset' } }, 'page:p:icon', ctx)).toBeUndefined();
    expect(ctx.lossKinds()).toEqual(['other', 'other']);
  });

  it('a custom emoji the target workspace has stays a custom emoji, with no loss', () => {
    const ctx = { ...fakeContext(), customEmojiExists: (id: string) => id === 'e' };
    expect(convertIcon({ type: 'custom_emoji', custom_emoji: { id: 'e', name: 'kloset', url: 'https://x.example/k.png' } }, 'page:p:icon', ctx)).toEqual({
      type: 'custom_emoji',
      custom_emoji: { id: 'e' },
    });
    expect(ctx.losses).toEqual([]);
    expect(convertIcon({ type: 'custom_emoji', custom_emoji: { id: 'other', name: 'x', url: 'https://x.example/x.png' } }, 'page:p:icon', ctx)).toEqual({
      type: 'external',
      external: { url: 'https://x.example/x.png' },
    });
  });
});

describe('convertCover', () => {
  it('keeps external covers, uploads hosted ones or drops them', () => {
    const ctx = fakeContext({ uploads: { 'page:a:cover': 'up' } });
    expect(convertCover({ type: 'external', external: { url: 'https://x.example/c.jpg' } }, 'page:a:cover', ctx)).toEqual({
      type: 'external',
      external: { url: 'https://x.example/c.jpg' },
    });
    expect(convertCover(hosted, 'page:a:cover', ctx)).toEqual({ type: 'file_upload', file_upload: { id: 'up' } });
    expect(convertCover(hosted, 'page:b:cover', ctx)).toBeUndefined();
    expect(ctx.lossKinds()).toEqual(['file-not-available']);
  });
});

describe('convertComment', () => {
  const comment = (attachments: number) => ({
    id: 'c1',
    discussion_id: 'd1',
    parent: { type: 'page_id', page_id: 'p1' },
    rich_text: [responseText('Thanks '), responseMention({ type: 'user', user: { id: USER_OLD } }, '@Ada')],
    created_time: '2025-01-01T00:00:00.000Z',
    attachments: Array.from({ length: attachments }, () => ({ category: 'image', file: { url: 'https://f/x.png' } })),
  });

  it('converts the text and attaches uploaded files, at most three', () => {
    const uploads = Object.fromEntries(Array.from({ length: 4 }, (_unused, index) => [`comment:c1:${index}`, `up-${index}`]));
    const ctx = fakeContext({ users: { [USER_OLD]: USER_NEW }, uploads });
    const converted = convertComment(comment(4), ctx);
    expect(converted.rich_text).toEqual([
      expect.objectContaining({ type: 'text', text: { content: 'Thanks ' } }),
      expect.objectContaining({ type: 'mention', mention: { type: 'user', user: { id: USER_NEW } } }),
    ]);
    expect(converted.attachments).toEqual([{ file_upload_id: 'up-0' }, { file_upload_id: 'up-1' }, { file_upload_id: 'up-2' }]);
    expect(ctx.lossKinds()).toEqual(['other']);
  });

  it('reports attachments that were not uploaded', () => {
    const ctx = fakeContext({ users: { [USER_OLD]: USER_NEW } });
    expect(convertComment(comment(1), ctx).attachments).toEqual([]);
    expect(ctx.lossKinds()).toEqual(['file-not-available']);
  });
});
