import type { CommentObjectResponse, PageObjectResponse } from '@notionhq/client';
import { originalFileName } from '../../snapshot/file-names';
import type { FileDescriptor, IndexEntry } from '../../snapshot/format';
import { recordOf } from '../../snapshot/json-values';
import type { PageTracker } from './checkpoint';
import type { CrawlContext } from './context';
import type { HostedFile } from './files';
import { fileExtension, isHostedFile, shortHash, storeHostedFile } from './files';
import { listComments, retrievePage } from './reads';

/** The page whose own files are being written, shared by the tasks that fill its block directories. */
export interface OwnTree {
  pageId: string;
  entry: IndexEntry;
  /** Tells the checkpoint when the page's own tree is completely written (resumable crawls). */
  tracker?: PageTracker | undefined;
}

/** Stores one hosted file of the page's own tree and adds it to the page's stats. */
export async function storeOwnFile(
  context: CrawlContext,
  own: OwnTree,
  dir: string,
  files: Map<string, FileDescriptor>,
  target: HostedFile,
): Promise<void> {
  await storeHostedFile(context, dir, files, target, own.pageId);
  const stored = files.get(target.ref);
  if (stored) {
    own.entry.stats!.files += 1;
    own.entry.stats!.fileBytes += stored.size;
  }
}

/** Cover, icon and `files` property values that Notion hosts. */
export function pageFiles(context: CrawlContext, page: PageObjectResponse): HostedFile[] {
  const targets: HostedFile[] = [];
  const refreshPage = () => retrievePage(context, page.id);
  for (const slot of ['cover', 'icon'] as const) {
    const file = page[slot];
    if (!isHostedFile(file)) continue;
    targets.push({
      ref: `page:${page.id}:${slot}`,
      fileName: `page-${slot}${fileExtension(file.file.url)}`,
      url: file.file.url,
      name: originalFileName({ url: file.file.url }),
      refresh: async () => {
        const fresh = (await refreshPage())[slot];
        return isHostedFile(fresh) ? fresh.file.url : undefined;
      },
    });
  }
  for (const [name, value] of Object.entries(page.properties)) {
    if (value.type !== 'files' || !Array.isArray(value.files)) continue;
    value.files.forEach((file, index) => {
      if (!isHostedFile(file)) return;
      const original = originalFileName({ name: file.name, url: file.file.url });
      targets.push({
        ref: `property:${page.id}:${value.id}:${index}`,
        fileName: `prop-${shortHash(value.id)}-${index}${fileExtension(original ?? file.file.url)}`,
        url: file.file.url,
        name: original,
        refresh: async () => {
          const fresh = (await refreshPage()).properties[name];
          const freshFile = fresh?.type === 'files' ? fresh.files[index] : undefined;
          return isHostedFile(freshFile) ? freshFile.file.url : undefined;
        },
      });
    });
  }
  return targets;
}

/** The attachments of the comments stored in `dir`. */
export async function storeCommentFiles(
  context: CrawlContext,
  own: OwnTree,
  dir: string,
  files: Map<string, FileDescriptor>,
  comments: CommentObjectResponse[],
): Promise<void> {
  for (const comment of comments) {
    for (const [index, attachment] of (comment.attachments ?? []).entries()) {
      const url = attachment.file?.url;
      if (!url) continue;
      // Notion gives some attachments the file's name, which its types leave out.
      const original = originalFileName({ name: recordOf(attachment).name, url });
      await storeOwnFile(context, own, dir, files, {
        ref: `comment:${comment.id}:${index}`,
        fileName: `comment-${comment.id}-${index}${fileExtension(original ?? url)}`,
        url,
        name: original,
        refresh: async () => {
          const parent = comment.parent.type === 'page_id' ? comment.parent.page_id : comment.parent.block_id;
          if (!parent) return undefined;
          const fresh = (await listComments(context, parent)).find((candidate) => candidate.id === comment.id);
          return fresh?.attachments?.[index]?.file?.url;
        },
      });
    }
  }
}
