import type { RenderContext } from '../context';
import type { FixtureUser } from '../fixture-types';

/**
 * User objects. Emails only with the "with email" capability. A bot shows its owner and workspace
 * only to itself (`me` adds workspace_id and workspace_limits); other bots render as `bot: {}`.
 */
export function renderUser(user: FixtureUser, ctx: RenderContext, mode: 'reference' | 'list' | 'me'): Record<string, unknown> {
  const base = { object: 'user', id: user.id, name: user.name, avatar_url: user.avatarUrl };
  if (user.type === 'person') {
    const person = ctx.token.capabilities.userInfo === 'with_email' && user.email ? { email: user.email } : {};
    return { ...base, type: 'person', person };
  }
  if (mode === 'reference' || user.id !== ctx.token.userId) return { ...base, type: 'bot', bot: {} };
  const owner = user.botOwnerUserId
    ? { type: 'user', user: { object: 'user', id: user.botOwnerUserId } }
    : { type: 'workspace', workspace: true };
  const bot: Record<string, unknown> = { owner, workspace_name: ctx.store.workspace.name };
  if (mode === 'me') {
    bot['workspace_id'] = ctx.store.workspace.id;
    bot['workspace_limits'] = { max_file_upload_size_in_bytes: ctx.store.workspace.maxFileUploadSizeBytes };
  }
  return { ...base, type: 'bot', bot };
}
