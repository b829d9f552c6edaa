import { canSee, requireCapability } from '../auth';
import type { HandlerContext, RouteDef } from '../context';
import { ApiError, bodyValidationError, notFound, shouldBeDefined, tooLong, unsupportedRequest, validationError } from '../errors';
import type { FixtureComment } from '../fixture-types';
import { normalizeId } from '../ids';
import { commitEffects, expectArray, expectId, expectRecord, variantOf } from '../input/common';
import { attachUpload } from '../input/files';
import { normalizeRichText } from '../input/rich-text';
import { listEnvelope, readPageRequest, sliceList } from '../pagination';
import { renderComment } from '../render/objects';
import { ARCHIVED_EDIT_MESSAGE, inputContext, pathId, visibleBlockish } from './shared';

const MAX_ATTACHMENTS = 3;

function commentParentId(comment: FixtureComment): string {
  return comment.parent.type === 'page_id' ? comment.parent.page_id : comment.parent.block_id;
}

/** GET /v1/comments?block_id=… — only unresolved comments (resolved threads are not exposed by Notion). */
function listComments(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readComments');
  const raw = ctx.query.get('block_id');
  if (!raw) throw validationError('query failed validation: query.block_id should be defined, instead was `undefined`.');
  const id = normalizeId(raw);
  if (!id) throw validationError(`query failed validation: query.block_id should be a valid uuid, instead was \`"${raw}"\`.`);
  visibleBlockish(ctx, id);
  const request = readPageRequest('query', ctx.query.get('page_size') ?? undefined, ctx.query.get('start_cursor') ?? undefined);
  const comments = [...ctx.store.comments.values()].filter((comment) => commentParentId(comment) === id && !comment.resolved);
  const slice = sliceList(comments, request);
  return listEnvelope('comment', { ...slice, results: slice.results.map((comment) => renderComment(comment, ctx)) });
}

function attachmentCategory(contentType: string): 'audio' | 'image' | 'pdf' | 'productivity' | 'video' {
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType === 'application/pdf') return 'pdf';
  return 'productivity';
}

function displayName(ctx: HandlerContext): FixtureComment['displayName'] {
  const user = ctx.store.users.get(ctx.token.userId);
  const raw = ctx.body['display_name'];
  if (raw === undefined) return { type: user?.type === 'bot' ? 'integration' : 'user', resolved_name: user?.name ?? null };
  const given = expectRecord(raw, 'body.display_name');
  if (given['type'] === 'custom') {
    const name = expectRecord(given['custom'], 'body.display_name.custom')['name'];
    if (typeof name !== 'string' || name.trim() === '') throw bodyValidationError('body.display_name.custom.name should be a non-empty string.');
    return { type: 'custom', resolved_name: name };
  }
  if (given['type'] !== 'user' && given['type'] !== 'integration') {
    throw bodyValidationError(`body.display_name.type should be \`"integration"\`, \`"user"\` or \`"custom"\`, instead was \`${JSON.stringify(given['type'])}\`.`);
  }
  return { type: given['type'], resolved_name: user?.name ?? null };
}

/** A new discussion's parent: a visible, non-trashed page (page_id) or block (block_id); databases take no comments. */
function newDiscussionParent(ctx: HandlerContext): FixtureComment['parent'] {
  const rawParent = expectRecord(ctx.body['parent'], 'body.parent');
  const kind = variantOf(rawParent, ['page_id', 'block_id']);
  if (kind !== 'page_id' && kind !== 'block_id') throw shouldBeDefined('body.parent.page_id');
  const id = expectId(rawParent[kind], `body.parent.${kind}`);
  const target = visibleBlockish(ctx, id);
  if (kind === 'page_id' && target.kind !== 'page') throw notFound('page', id);
  if (target.kind === 'database') throw notFound('block', id);
  if (ctx.store.isTrashedInTree(id)) throw validationError(ARCHIVED_EDIT_MESSAGE);
  return kind === 'page_id' ? { type: 'page_id', page_id: id } : { type: 'block_id', block_id: id };
}

function createComment(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'insertComments');
  if (ctx.body['markdown'] !== undefined) throw unsupportedRequest('Markdown comments are not supported by the Notion emulator.');
  const ictx = inputContext(ctx);
  let parent: FixtureComment['parent'];
  let discussionId: string;
  if (ctx.body['discussion_id'] !== undefined && ctx.body['parent'] !== undefined) {
    throw bodyValidationError('body.parent should be not present when body.discussion_id is given: a comment has either a parent or a discussion.');
  }
  if (ctx.body['discussion_id'] !== undefined) {
    const wanted = expectId(ctx.body['discussion_id'], 'body.discussion_id');
    const thread = [...ctx.store.comments.values()].find((comment) => comment.discussionId === wanted);
    if (!thread || !canSee(ctx.store, ctx.token, commentParentId(thread))) {
      throw new ApiError(404, 'object_not_found', `Could not find discussion with ID: ${wanted}.`);
    }
    parent = structuredClone(thread.parent);
    if (ctx.store.isTrashedInTree(commentParentId(thread))) throw validationError(ARCHIVED_EDIT_MESSAGE);
    discussionId = wanted;
  } else {
    if (ctx.body['parent'] === undefined) throw shouldBeDefined('body.parent');
    parent = newDiscussionParent(ctx);
    discussionId = ctx.env.ids.uuid();
  }
  const richText = normalizeRichText(ctx.body['rich_text'], 'body.rich_text', ictx);
  const attachmentsRaw = ctx.body['attachments'] === undefined ? [] : expectArray(ctx.body['attachments'], 'body.attachments');
  if (attachmentsRaw.length > MAX_ATTACHMENTS) throw tooLong('body.attachments.length', MAX_ATTACHMENTS, attachmentsRaw.length);
  const attachments = attachmentsRaw.map((item, index) => {
    const path = `body.attachments[${index}]`;
    const ref = attachUpload(expectRecord(item, path)['file_upload_id'], `${path}.file_upload_id`, ictx);
    const contentType = ctx.store.files.get(ref.file_id)?.contentType ?? 'application/octet-stream';
    return { category: attachmentCategory(contentType), file: ref };
  });
  if (richText.length === 0) throw bodyValidationError('body.rich_text should not be empty.');
  commitEffects(ictx);
  const comment: FixtureComment = {
    id: ctx.env.ids.uuid(),
    discussionId,
    parent,
    richText,
    createdTime: ictx.nowMinute,
    lastEditedTime: ictx.nowMinute,
    createdBy: ictx.userId,
    displayName: displayName(ctx),
  };
  if (attachments.length > 0) comment.attachments = attachments;
  ctx.store.comments.set(comment.id, comment);
  return renderComment(comment, ctx);
}

function retrieveComment(ctx: HandlerContext): unknown {
  requireCapability(ctx.token, 'readComments');
  const id = pathId(ctx, 'comment_id');
  const comment = ctx.store.comments.get(id);
  if (!comment || !canSee(ctx.store, ctx.token, commentParentId(comment))) throw notFound('comment', id);
  return renderComment(comment, ctx);
}

export const commentRoutes: RouteDef[] = [
  { method: 'GET', template: '/v1/comments', handler: listComments },
  { method: 'POST', template: '/v1/comments', handler: createComment },
  { method: 'GET', template: '/v1/comments/{id}', handler: retrieveComment },
];
