import type { StoredComment } from '../../snapshot/format';
import { LIMITS } from './common';
import { convertRichText, fitRichText } from './rich-text';
import type { ConvertContext, RichTextItemRequest } from './types';

export interface ConvertedComment {
  rich_text: RichTextItemRequest[];
  /** uploads of the stored attachments, at most 3 (Notion's limit) */
  attachments: Array<{ file_upload_id: string }>;
}

/** A stored comment → the body of comments.create (the caller adds the parent or discussion id). */
export function convertComment(comment: Pick<StoredComment, 'id'> & { rich_text: unknown; attachments?: readonly unknown[] }, ctx: ConvertContext): ConvertedComment {
  const richText = fitRichText(convertRichText(comment.rich_text, ctx, comment.id), ctx, comment.id, 'a comment');
  const attachments: Array<{ file_upload_id: string }> = [];
  let missing = 0;
  (comment.attachments ?? []).forEach((_attachment, index) => {
    const id = ctx.uploadFor(`comment:${comment.id}:${index}`);
    if (id) attachments.push({ file_upload_id: id });
    else missing += 1;
  });
  if (missing > 0) {
    ctx.recordLoss({ kind: 'file-not-available', objectId: comment.id, detail: `${missing} attachment(s) of a comment were not available` });
  }
  if (attachments.length > LIMITS.commentAttachments) {
    ctx.recordLoss({ kind: 'other', objectId: comment.id, detail: `a comment kept ${LIMITS.commentAttachments} of its ${attachments.length} attachments` });
  }
  return { rich_text: richText, attachments: attachments.slice(0, LIMITS.commentAttachments) };
}
