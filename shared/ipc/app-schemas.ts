import { z } from 'zod';
import { BackupProgressSchema } from '../jobs';
import { SettingsSchema } from '../settings';

/** What the renderer needs to decide which screen to show; never a secret. */
export const AppStateSchema = z.object({
  settings: SettingsSchema,
  hasNotionToken: z.boolean(),
  hasStorePassphrase: z.boolean(),
  secretStorage: z.object({ backend: z.string(), secure: z.boolean() }),
  onboardingComplete: z.boolean(),
  runningJob: z.object({ jobId: z.string(), kind: z.enum(['backup', 'restore', 'export']) }).nullable(),
});
export type AppState = z.infer<typeof AppStateSchema>;

export const ChoosePlakarInputSchema = z.object({ path: z.string().min(1).max(4096) });

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
export const CancelJobInputSchema = z.object({ jobId: z.string().min(1).max(100) });

export const SnapshotSummarySchema = z.object({
  id: z.string(),
  time: z.string(),
  sizeBytes: z.number(),
  tags: z.array(z.string()),
  mode: z.enum(['full', 'incremental']).nullable(),
  /** Made by this app (tagged app=notion-plakar). */
  ours: z.boolean(),
});
export const SnapshotListSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), snapshots: z.array(SnapshotSummarySchema) }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);

export const JobProgressEventSchema = z.object({ jobId: z.string(), kind: z.literal('backup'), progress: BackupProgressSchema });

export const JobFinishedEventSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['backup', 'restore', 'export']),
  outcome: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('succeeded'),
      snapshotId: z.string().nullable(),
      summary: z.string(),
      warnings: z.array(z.string()),
    }),
    z.object({ status: z.literal('failed'), kind: z.string(), message: z.string(), retryable: z.boolean() }),
    z.object({ status: z.literal('cancelled'), message: z.string() }),
  ]),
});
export type JobFinishedEvent = z.infer<typeof JobFinishedEventSchema>;
