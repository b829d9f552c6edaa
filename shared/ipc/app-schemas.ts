import { z } from 'zod';
import { RestoreLossSchema } from '../restore-losses';
import { BackupProgressSchema } from '../jobs';
import { JobTriggerSchema } from '../schedule';
import { SettingsSchema } from '../settings';
import { NOTION_REQUEST_RATE } from '../notion-rate';
import { PreviewLinkedDatabaseSchema, PreviewViewSchema } from './view-schemas';

/** What runs in the background, one at a time: backups, restores, exports, integrity checks, retention. */
export const JobKindSchema = z.enum(['backup', 'restore', 'export', 'check', 'retention']);
export type JobKind = z.infer<typeof JobKindSchema>;

/** What the renderer needs to decide which screen to show; never a secret. */
export const AppStateSchema = z.object({
  settings: SettingsSchema,
  hasNotionToken: z.boolean(),
  hasStorePassphrase: z.boolean(),
  secretStorage: z.object({ backend: z.string(), secure: z.boolean() }),
  onboardingComplete: z.boolean(),
  runningJob: z.object({ jobId: z.string(), kind: JobKindSchema }).nullable(),
});
export type AppState = z.infer<typeof AppStateSchema>;

/** What a native folder dialog opened by main is for; the renderer gets back the path main handed out. */
export const ChooseFolderInputSchema = z.strictObject({ purpose: z.enum(['store', 'export']) });
export const ChooseFolderResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), path: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const StoreSetupInputSchema = z.object({
  mode: z.enum(['create', 'open']),
  location: z.string().trim().min(1, 'Choose where the store is.').max(4096),
  /** Null only for a plaintext store (create) or an unencrypted one (open). */
  passphrase: z.string().max(1024).nullable(),
  plaintext: z.boolean(),
});
export type StoreSetupInput = z.infer<typeof StoreSetupInputSchema>;

export const StoreSetupResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), location: z.string(), encrypted: z.boolean(), created: z.boolean() }),
  z.object({
    status: z.literal('problem'),
    problem: z.enum([
      'weak-passphrase',
      'passphrase-missing',
      'passphrase-wrong',
      'store-exists',
      'not-empty',
      'not-a-store',
      'plakar',
      'insecure-secret-storage',
      /** The typed location was not confirmed in main's dialog. */
      'not-confirmed',
      'other',
    ]),
    message: z.string(),
  }),
]);
export type StoreSetupResult = z.infer<typeof StoreSetupResultSchema>;

export const PickablePageSchema = z.object({
  id: z.string(),
  object: z.enum(['page', 'database']),
  title: z.string(),
  emoji: z.string().nullable(),
  parentId: z.string().nullable(),
  url: z.string().nullable(),
});
export type PickablePage = z.infer<typeof PickablePageSchema>;

export const NotionPagesResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), items: z.array(PickablePageSchema) }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

export const SetRootsInputSchema = z.object({ ids: z.array(z.string().regex(/^[0-9a-f-]{32,36}$/i, 'Not a Notion id.')).max(10_000) });
export const StartBackupInputSchema = z.object({ full: z.boolean() });
export const JobStartSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('started'), jobId: z.string() }),
  z.object({ status: z.literal('refused'), message: z.string() }),
]);
export type JobStart = z.infer<typeof JobStartSchema>;
export const CancelJobInputSchema = z.object({ jobId: z.string().min(1).max(100) });

export const SnapshotSummarySchema = z.object({
  id: z.string(),
  time: z.string(),
  sizeBytes: z.number(),
  tags: z.array(z.string()),
  mode: z.enum(['full', 'incremental']).nullable(),
  /** Made by this app (tagged app=notion-plakar). */
  ours: z.boolean(),
  /** Many pages disappeared in this backup (tagged alert=mass-deletion). */
  massDeletion: z.boolean(),
});
export const SnapshotListSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), snapshots: z.array(SnapshotSummarySchema) }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

export const RestoreCountsSchema = z.object({
  pages: z.number(),
  databases: z.number(),
  rows: z.number(),
  blocks: z.number(),
  files: z.number(),
  comments: z.number(),
  /** Absent from the results of restores made before views were restored (kept in the logs). */
  views: z.number().default(0),
});
export type RestoreCounts = z.infer<typeof RestoreCountsSchema>;

export const JobProgressEventSchema = z.discriminatedUnion('kind', [
  z.object({ jobId: z.string(), kind: z.literal('backup'), progress: BackupProgressSchema }),
  z.object({ jobId: z.string(), kind: z.literal('restore'), created: RestoreCountsSchema }),
  z.object({ jobId: z.string(), kind: z.literal('export'), done: z.number(), total: z.number() }),
]);

export const StartRestoreInputSchema = z.object({
  snapshotId: z.string().regex(/^[0-9a-f]{64}$/, 'A full snapshot id is expected.'),
  /** Pages and databases to restore with their sub-pages; empty = the whole snapshot. */
  selection: z.array(z.string().regex(/^[0-9a-f-]{36}$/)).max(10_000),
  destination: z.discriminatedUnion('kind', [
    /** An existing page shared with the integration: id or Notion URL. */
    z.object({ kind: z.literal('notion'), page: z.string().min(1).max(2048) }),
    z.object({ kind: z.literal('folder'), dir: z.string().min(1).max(4096), format: z.enum(['markdown', 'html', 'json']), merge: z.boolean() }),
  ]),
  dryRun: z.boolean(),
});

/** What a restore or export worked on, as main knows it: the Logs screen names the snapshot and the target. */
export const JobSubjectSchema = z.object({
  snapshotId: z.string(),
  /** When the snapshot was taken (as plakar lists it); null when it could not be read. */
  snapshotTime: z.string().nullable(),
  target: z.discriminatedUnion('kind', [
    /** The Notion page restored under; its title (with its emoji) once the restore has read it. */
    z.object({ kind: z.literal('notion'), pageId: z.string(), title: z.string().nullable() }),
    z.object({ kind: z.literal('folder'), dir: z.string(), format: z.enum(['markdown', 'html', 'json']) }),
  ]),
  /** A dry run: nothing was written. */
  dryRun: z.boolean(),
});
export type JobSubject = z.infer<typeof JobSubjectSchema>;

export const BackupChangesSchema = z.object({
  since: z.string(),
  added: z.number(),
  removed: z.number(),
  edited: z.number(),
  /** Many pages disappeared (the snapshot is tagged alert=mass-deletion). */
  massDeletion: z.boolean(),
  /** The first titles that disappeared. */
  removedTitles: z.array(z.string()),
});
export type BackupChanges = z.infer<typeof BackupChangesSchema>;

export const JobFinishedEventSchema = z.object({
  jobId: z.string(),
  kind: JobKindSchema,
  /** Restores and exports: what they worked on. */
  subject: JobSubjectSchema.optional(),
  outcome: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('succeeded'),
      snapshotId: z.string().nullable(),
      summary: z.string(),
      warnings: z.array(z.string()),
      /** Backups: what the snapshot holds (pages, databases, rows, blocks, files, comments). */
      counts: z.record(z.string(), z.number()).optional(),
      /** Backups: what changed since the previous snapshot of the same pages (absent for the first). */
      changes: BackupChangesSchema.optional(),
      /** Restores: the restored page, when there is one. */
      url: z.string().nullable().optional(),
      /** Restores: what was (or, for a dry run, would be) created, and the requests it takes. */
      restore: z
        .object({
          dryRun: z.boolean(),
          created: RestoreCountsSchema,
          requests: z.number(),
          estimatedSeconds: z.number(),
          resumed: z.boolean(),
          /** What cannot be (or, for a dry run, could not be) brought back exactly, by kind. */
          losses: z.array(RestoreLossSchema),
        })
        .optional(),
    }),
    z.object({ status: z.literal('failed'), kind: z.string(), message: z.string(), retryable: z.boolean() }),
    z.object({ status: z.literal('cancelled'), message: z.string() }),
  ]),
});
export type JobFinishedEvent = z.infer<typeof JobFinishedEventSchema>;

export const SnapshotIdInputSchema = z.object({ snapshotId: z.string().regex(/^[0-9a-f]{64}$/, 'A full snapshot id is expected.') });

export const SnapshotTreeEntrySchema = PickablePageSchema.omit({ url: true }).extend({ isRow: z.boolean() });

/** What a snapshot's manifest says about it, in brief (the snapshot catalog keeps the same). */
export const SnapshotSummaryFactsSchema = z.object({
  mode: z.enum(['full', 'incremental']),
  startedAt: z.string(),
  /** Absent from catalog records written before it was kept. */
  notionApiVersion: z.string().optional(),
  counts: z.record(z.string(), z.number()),
  unreachable: z.number(),
  unsupportedBlocks: z.number(),
  failedFiles: z.number(),
  warnings: z.array(z.string()),
});

export const SnapshotTreeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    entries: z.array(SnapshotTreeEntrySchema),
    /** From the snapshot's manifest; null for snapshots made by plakar's own Notion connector. */
    summary: SnapshotSummaryFactsSchema.nullable(),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

/** A run of text with its Notion annotations, for the read-only page preview. */
export const PreviewSpanSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  strikethrough: z.boolean().optional(),
  underline: z.boolean().optional(),
  code: z.boolean().optional(),
  href: z.string().optional(),
});

export const PagePreviewInputSchema = SnapshotIdInputSchema.extend({ pageId: z.string().regex(/^[0-9a-f-]{36}$/, 'Not a page id.') });

/** One block of the preview, flattened with its depth (children follow their parent). */
export const PreviewBlockSchema = z.object({
  id: z.string(),
  type: z.string(),
  depth: z.number(),
  spans: z.array(PreviewSpanSchema),
  checked: z.boolean().optional(),
  language: z.string().optional(),
  emoji: z.string().optional(),
  cells: z.array(z.array(PreviewSpanSchema)).optional(),
  /** A small image from the snapshot, as a data: URL (the app loads no remote content). */
  image: z.string().optional(),
  /** For links to pages, bookmarks, files: what it points to, as text. */
  target: z.string().optional(),
  /** For a child_database block of a linked database whose views the snapshot keeps. */
  linked: PreviewLinkedDatabaseSchema.optional(),
});

export const PagePreviewSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    title: z.string(),
    emoji: z.string().nullable(),
    /** True when the page had more blocks than the preview shows. */
    truncated: z.boolean(),
    blocks: z.array(PreviewBlockSchema),
    /** Databases only: their views in tab order (empty when the snapshot kept none). */
    views: z.array(PreviewViewSchema).optional(),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

export type PreviewSpan = z.infer<typeof PreviewSpanSchema>;
export type PreviewBlock = z.infer<typeof PreviewBlockSchema>;
/** A preview the engine built (the contract adds `status`). */
export type PagePreview = Omit<Extract<z.infer<typeof PagePreviewSchema>, { status: 'ok' }>, 'status'>;

export const JobRecordSchema = z.object({
  jobId: z.string(),
  kind: JobKindSchema,
  /** Records written before triggers existed were all started by hand. */
  trigger: JobTriggerSchema.default('manual'),
  startedAt: z.string(),
  finishedAt: z.string(),
  outcome: JobFinishedEventSchema.shape.outcome,
  /** Restores and exports; records written before it existed have none. */
  subject: JobSubjectSchema.optional(),
  /** What happened, line by line (phases, warnings, the result); never a secret. */
  log: z.array(z.string()),
});

/** Strict: the Notion API URL is not a setting the renderer can change (only NOTION_API_URL, docs/security.md). */
export const AdvancedSettingsInputSchema = z.strictObject({
  requestsPerSecond: z.number().min(NOTION_REQUEST_RATE.min).max(NOTION_REQUEST_RATE.settingsMax),
  comments: z.enum(['pages', 'all', 'off']),
  localCopy: z.boolean(),
});

export const StoreCheckSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), message: z.string() }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);
