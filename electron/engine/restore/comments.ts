import type { IndexEntry } from '../snapshot/format';
import { convertComment } from './convert';
import { containsInOrder, textParts } from './append-check';
import { describeObject, inStep } from './refusals';
import type { RefusedObjects } from './refusals';
import type { RestoreRun } from './run';

/** Comments of every restored page, threads kept together (replies go into the new discussion). */
export async function restoreComments(run: RestoreRun, refused: RefusedObjects, pages: readonly IndexEntry[]): Promise<void> {
  const discussions = new Map<string, string>();
  for (const entry of pages) {
    const step = `comments:${entry.id}`;
    if (run.journal.doneSteps.has(step)) continue;
    const pageNewId = run.newIdFor(entry.id);
    if (!pageNewId) continue;
    for (const dir of await commentDirs(run, entry)) {
      const comments = [...(await run.reader.comments(dir))].sort((a, b) => a.created_time.localeCompare(b.created_time));
      for (const comment of comments) {
        if (run.isCreated(comment.id)) continue;
        await run.uploader.uploadFrom(dir, (ref) => ref.startsWith(`comment:${comment.id}:`));
        const converted = convertComment(comment, run.convertContext());
        const thread = discussions.get(comment.discussion_id);
        const onBlock = comment.parent.type === 'block_id' ? run.newIdFor(comment.parent.block_id) : undefined;
        const body: Record<string, unknown> = thread
          ? { discussion_id: thread, rich_text: converted.rich_text }
          : { parent: onBlock ? { type: 'block_id', block_id: onBlock } : { type: 'page_id', page_id: pageNewId }, rich_text: converted.rich_text };
        if (converted.attachments.length > 0) body.attachments = converted.attachments;
        const parentId = onBlock ?? pageNewId;
        const parts = textParts(converted.rich_text);
        const what = (): string => `a comment on ${describeObject(run.reader, entry.id, 'page')}`;
        const landed = async (): Promise<{ id: string; discussionId: string } | undefined> => {
          const known = new Set(run.journal.newIds.values());
          const found = (await run.writer.listComments(parentId)).find((candidate) => !known.has(candidate.id) && containsInOrder(candidate.text, parts));
          return found ? { id: found.id, discussionId: found.discussionId } : undefined;
        };
        const send = () => run.create(`comment:${comment.id}`, landed, () => run.writer.createComment(body, landed));
        const created = await refused.orSkip(what, () => inStep(what, send), comment.id);
        if (!created) continue;
        if (!thread) discussions.set(comment.discussion_id, created.discussionId);
        await run.journal.record({ type: 'created', kind: 'comment', oldId: comment.id, newId: created.id });
        run.counts.comments += 1;
        run.changed();
      }
    }
    await run.journal.record({ type: 'done', step });
  }
}

/** The page directory and its block directories (comments.json sits next to the JSON it belongs to). */
async function commentDirs(run: RestoreRun, entry: IndexEntry): Promise<string[]> {
  const dirs = [entry.path];
  const walk = async (dir: string): Promise<void> => {
    for (const item of await run.reader.source.listDirectory(dir)) {
      if (!item.isDirectory) continue;
      const child = `${dir}/${item.name}`;
      if (run.reader.entry(item.name)) continue; // a nested page or database: its own entry
      dirs.push(child);
      await walk(child);
    }
  };
  await walk(entry.path);
  return dirs;
}
