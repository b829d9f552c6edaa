import { requireUserInfo } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { notFound, restricted } from '../errors';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { renderUser } from '../render/users';
import { pathId } from './shared';

/** GET /v1/users: members and bots, never guests; personal access tokens may not list users. */
function listUsers(ctx: HandlerContext): unknown {
  if (ctx.token.kind === 'personal') throw restricted('Personal access tokens cannot list workspace users. Use users.me or users.retrieve.');
  requireUserInfo(ctx.token);
  const request = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const users = [...ctx.store.users.values()].filter((user) => !user.guest);
  const slice = sliceList(users, request);
  return listEnvelope('user', { ...slice, results: slice.results.map((user) => renderUser(user, ctx, 'list')) });
}

function me(ctx: HandlerContext): unknown {
  const user = ctx.store.users.get(ctx.token.userId);
  if (!user) throw notFound('user', ctx.token.userId);
  return renderUser(user, ctx, 'me');
}

function retrieveUser(ctx: HandlerContext): unknown {
  requireUserInfo(ctx.token);
  const id = pathId(ctx, 'user_id');
  const user = ctx.store.users.get(id);
  if (!user) throw notFound('user', id);
  return renderUser(user, ctx, 'list');
}

export const userRoutes: RouteDef[] = [
  { method: 'GET', template: '/v1/users', handler: listUsers },
  { method: 'GET', template: '/v1/users/me', handler: me },
  { method: 'GET', template: '/v1/users/{id}', handler: retrieveUser },
];
