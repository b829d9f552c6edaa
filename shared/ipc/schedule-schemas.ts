import { z } from 'zod';
import { BackupScheduleSchema, NotificationModeSchema, RetentionPolicySchema, RetentionSettingsSchema, ScheduleSettingsSchema } from '../schedule';

/** Settings → Schedule: everything but the pause, which has its own methods. */
export const UpdateScheduleInputSchema = ScheduleSettingsSchema.omit({ pausedUntil: true });

export const PreviewScheduleInputSchema = z.object({ plan: BackupScheduleSchema });
export const PreviewScheduleResultSchema = z.discriminatedUnion('status', [
  /** The next runs (ISO times), as the scheduler will see them. */
  z.object({ status: z.literal('ok'), runs: z.array(z.string()), timeZone: z.string() }),
  z.object({ status: z.literal('invalid'), message: z.string() }),
]);

export const PauseScheduleInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hour') }),
  /** Until the start of the next day, local time. */
  z.object({ kind: z.literal('tomorrow') }),
  z.object({ kind: z.literal('until'), until: z.iso.datetime({ offset: true, message: 'Choose a date and time.' }) }),
]);
export type PauseScheduleInput = z.infer<typeof PauseScheduleInputSchema>;

export const AppBehaviourInputSchema = z.object({
  notifications: NotificationModeSchema,
  launchAtLogin: z.boolean(),
});

export const UpdateRetentionInputSchema = RetentionSettingsSchema;

export const RetentionPreviewInputSchema = z.object({ policy: RetentionPolicySchema });

const RetentionSnapshotSchema = z.object({ id: z.string(), time: z.string(), mode: z.enum(['full', 'incremental']).nullable() });

export const RetentionPreviewSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    keep: z.array(RetentionSnapshotSchema.extend({ reasons: z.array(z.string()) })),
    remove: z.array(RetentionSnapshotSchema),
    /** Snapshots retention never touches: made by other tools, or of another source. */
    untouched: z.number(),
  }),
  z.object({ status: z.literal('problem'), message: z.string() }),
]);
export type RetentionPreview = z.infer<typeof RetentionPreviewSchema>;

export const ApplyRetentionInputSchema = z.object({
  policy: RetentionPolicySchema,
  /** The full ids the user saw in the preview and agreed to remove. */
  confirmedIds: z.array(z.string().regex(/^[0-9a-f]{64}$/, 'A full snapshot id is expected.')).min(1).max(10_000),
});

/** Notification clicks and the tray open a screen; `jobId` selects a run in Logs. */
export const NavigateEventSchema = z.object({
  screen: z.enum(['home', 'snapshots', 'settings', 'logs']),
  jobId: z.string().nullable(),
});
export type NavigateEvent = z.infer<typeof NavigateEventSchema>;
