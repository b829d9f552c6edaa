import { z } from 'zod';

/**
 * What a restore could not bring back exactly, by kind. The engine records each loss with its kind;
 * the renderer groups the report by it.
 */
export const LossKindSchema = z.enum([
  'unsupported-block',
  'read-only-property',
  'link-outside-restore',
  'user-not-mapped',
  'file-not-available',
  'text-truncated',
  'block-converted',
  'status-group',
  'formula-reference',
  /** A page or database that lived inside a block now sits beside it (Notion creates pages under pages only). */
  'object-moved',
  /** Notion refused to create this object; a note stands in its place and the restore went on. */
  'object-refused',
  'other',
]);
export type LossKind = z.infer<typeof LossKindSchema>;

export const RestoreLossSchema = z.object({ kind: LossKindSchema, detail: z.string() });
export type RestoreLoss = z.infer<typeof RestoreLossSchema>;
