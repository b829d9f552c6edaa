import { z } from 'zod';
import { PreviewBlockSchema } from './app-schemas';

/**
 * Snapshots over time: what changed between two, the versions of one page, search across all of
 * them. Worked out from the snapshot catalog (each snapshot's titles and last edits), never by
 * reading pages.
 */

const notionId = z.string().regex(/^[0-9a-f-]{32,36}$/, 'A Notion id is expected.');

export const PageRefSchema = z.object({
  id: z.string(),
  object: z.enum(['page', 'database']),
  title: z.string(),
  emoji: z.string().nullable(),
  isRow: z.boolean(),
});
export type PageRef = z.infer<typeof PageRefSchema>;

/** How many pages each list of SnapshotChanges names at most; the counts are always complete. */
export const CHANGES_LISTED = 100;

export const SnapshotChangesSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    /** The previous snapshot of the same source; null for the first one. */
    since: z.object({ snapshotId: z.string(), time: z.string() }).nullable(),
    counts: z.object({ added: z.number(), removed: z.number(), edited: z.number() }),
    added: z.array(PageRefSchema),
    removed: z.array(PageRefSchema),
    edited: z.array(PageRefSchema),
    massDeletion: z.boolean(),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);
export type SnapshotChanges = z.infer<typeof SnapshotChangesSchema>;

export const PageVersionsInputSchema = z.object({ pageId: notionId });

export const PageVersionSchema = z.object({
  /** The newest snapshot holding this version. */
  snapshotId: z.string(),
  time: z.string(),
  title: z.string(),
  lastEditedTime: z.string().nullable(),
  /** Every snapshot holding this same version, newest first. */
  snapshotIds: z.array(z.string()),
});
export type PageVersion = z.infer<typeof PageVersionSchema>;

export const PageVersionsSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    page: PageRefSchema.nullable(),
    /** Newest first. */
    versions: z.array(PageVersionSchema),
    /** In the newest snapshot of all. */
    inLatest: z.boolean(),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

export const SearchSnapshotsInputSchema = z.object({ query: z.string().trim().min(1, 'Type a few letters of a title.').max(200) });

export const TitleMatchSchema = PageRefSchema.extend({
  lastSeen: z.object({ snapshotId: z.string(), time: z.string() }),
  inLatest: z.boolean(),
  snapshots: z.number(),
});
export type TitleMatch = z.infer<typeof TitleMatchSchema>;

export const TextMatchSchema = PageRefSchema.extend({
  /** The matching line, as the page has it. */
  snippet: z.string(),
  /** The snapshots whose copy of the page holds the text, newest first. */
  snapshots: z.array(z.object({ snapshotId: z.string(), time: z.string() })),
  inLatest: z.boolean(),
  /** The page's text in the newest snapshot still holds the query. */
  textInLatest: z.boolean(),
});
export type TextMatch = z.infer<typeof TextMatchSchema>;

export const SearchSnapshotsSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    matches: z.array(TitleMatchSchema),
    truncated: z.boolean(),
    /** How many snapshots were searched. */
    snapshots: z.number(),
    /** Pages whose text holds the query (queries of 3 characters or more). */
    text: z.object({
      matches: z.array(TextMatchSchema),
      truncated: z.boolean(),
      /** Snapshots this machine has no text for: made elsewhere, or before text search existed. */
      notIndexed: z.number(),
    }),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

export const PageDiffInputSchema = z.object({
  pageId: notionId,
  /** The older version's snapshot. */
  fromSnapshotId: z.string().regex(/^[0-9a-f]{64}$/, 'A full snapshot id is expected.'),
  toSnapshotId: z.string().regex(/^[0-9a-f]{64}$/, 'A full snapshot id is expected.'),
});

const DiffWordSchema = z.object({ text: z.string(), change: z.enum(['same', 'added', 'removed']) });

export const PageDiffRowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['same', 'added', 'removed']), block: PreviewBlockSchema }),
  /** `words`: the block's text, word by word, marked as kept, added or removed. */
  z.object({ kind: z.literal('changed'), block: PreviewBlockSchema, before: PreviewBlockSchema, words: z.array(DiffWordSchema) }),
]);
export type PageDiffRow = z.infer<typeof PageDiffRowSchema>;

export const PageDiffSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    before: z.object({ title: z.string() }),
    after: z.object({ title: z.string() }),
    rows: z.array(PageDiffRowSchema),
    counts: z.object({ added: z.number(), removed: z.number(), changed: z.number() }),
    truncated: z.boolean(),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);
