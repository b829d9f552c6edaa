import { requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { readPageRequest, sliceList } from '../pagination';

/**
 * GET /v1/custom_emojis: the workspace's custom emojis, `{object:"list", type:"custom_emoji", results:
 * [{id, name, url}], has_more, next_cursor}` (SDK 5.26's ListCustomEmojisResponse, without the `<type>: {}`
 * member other lists carry). `name` keeps only the emoji of exactly that name (no colons, case-sensitive):
 * a choice, as Notion does not document how the name is matched.
 */
function listCustomEmojis(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readContent');
  const request = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const name = ctx.query.get('name');
  const all = ctx.store.workspace.customEmojis ?? [];
  const matching = name === null ? all : all.filter((emoji) => emoji.name === name);
  const slice = sliceList(matching, request);
  return {
    object: 'list',
    type: 'custom_emoji',
    results: slice.results.map(({ id, name: emojiName, url }) => ({ id, name: emojiName, url })),
    has_more: slice.has_more,
    next_cursor: slice.next_cursor,
  };
}

export const customEmojiRoutes: RouteDef[] = [{ method: 'GET', template: '/v1/custom_emojis', handler: listCustomEmojis }];
