import { z } from 'zod';

/** The view types Notion's Views API knows; anything else a snapshot holds is shown as `other`. */
export const VIEW_TYPES = ['table', 'board', 'list', 'calendar', 'timeline', 'gallery', 'form', 'chart', 'map', 'dashboard'] as const;

export const ViewKindSchema = z.enum([...VIEW_TYPES, 'other']);
export type ViewKind = z.infer<typeof ViewKindSchema>;

/** One view of a database, as the preview shows it: its name (plain text) and its type. */
const ViewTabSchema = z.object({ id: z.string(), name: z.string(), type: ViewKindSchema });

/** A view in tab order; a dashboard lists the views of its widgets. */
export const PreviewViewSchema = ViewTabSchema.extend({ widgets: z.array(ViewTabSchema) });
export type PreviewView = z.infer<typeof PreviewViewSchema>;

/** A linked database placed on a page: the views it shows and the database they show, when it is in the snapshot. */
export const PreviewLinkedDatabaseSchema = z.object({
  sourceId: z.string().nullable(),
  sourceTitle: z.string().nullable(),
  views: z.array(PreviewViewSchema),
});
export type PreviewLinkedDatabase = z.infer<typeof PreviewLinkedDatabaseSchema>;
