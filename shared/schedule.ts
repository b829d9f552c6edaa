import { z } from 'zod';

const TIME_OF_DAY = z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, 'Choose a time as HH:MM.');

/** When automatic backups run. Times are wall-clock times in the user's time zone. */
export const BackupScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual') }),
  z.object({ kind: z.literal('interval'), everyHours: z.number().int().min(1, 'Choose between 1 and 168 hours.').max(168, 'Choose between 1 and 168 hours.') }),
  z.object({ kind: z.literal('daily'), time: TIME_OF_DAY }),
  z.object({
    kind: z.literal('weekly'),
    /** 0 = Sunday … 6 = Saturday. */
    days: z.array(z.number().int().min(0).max(6)).min(1, 'Choose at least one day.').max(7),
    time: TIME_OF_DAY,
  }),
]);
export type BackupSchedule = z.infer<typeof BackupScheduleSchema>;

/** Everything about automatic backups the user chooses in Settings → Schedule. */
export const ScheduleSettingsSchema = z.object({
  plan: BackupScheduleSchema,
  /** ISO time until which automatic backups wait; null = not paused. */
  pausedUntil: z.string().nullable(),
  /** Wait for mains power instead of backing up on battery. */
  skipOnBattery: z.boolean(),
  /** A full crawl (no reuse of the previous snapshot) when the last full one is this old. */
  fullEveryDays: z.number().int().min(1).max(90),
  /** Run `plakar check` after a scheduled backup when the last check is this old; 0 = never. */
  checkEveryDays: z.number().int().min(0).max(365),
  /** Warn when no backup has succeeded for this many days. */
  staleAfterDays: z.number().int().min(1).max(90),
});
export type ScheduleSettings = z.infer<typeof ScheduleSettingsSchema>;

export const RetentionPolicySchema = z
  .object({
    /** Keep the newest N snapshots (at least 1: retention never empties a store). */
    last: z.number().int().min(1, 'Keep at least the newest snapshot.').max(1000),
    daily: z.number().int().min(0).max(1000),
    weekly: z.number().int().min(0).max(1000),
    monthly: z.number().int().min(0).max(1000),
  });
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const RetentionSettingsSchema = RetentionPolicySchema.extend({
  /** Apply the policy automatically after every successful backup. */
  automatic: z.boolean(),
});
export type RetentionSettings = z.infer<typeof RetentionSettingsSchema>;

export const NotificationModeSchema = z.enum(['failures', 'all', 'off']);
export type NotificationMode = z.infer<typeof NotificationModeSchema>;

/** Why a backup job started. */
export const JobTriggerSchema = z.enum(['manual', 'scheduled', 'catch-up', 'retry', 'tray']);
export type JobTrigger = z.infer<typeof JobTriggerSchema>;

/** The app's health at a glance: tints the tray icon and the status on Home. */
export const HealthSchema = z.enum(['idle', 'running', 'warning', 'failed']);
export type Health = z.infer<typeof HealthSchema>;

/** What the scheduler is doing and what happened last; shown on Home, in Settings and in the tray. */
export const ScheduleStatusSchema = z.object({
  plan: BackupScheduleSchema,
  health: HealthSchema,
  state: z.enum(['manual', 'scheduled', 'paused', 'running', 'waiting-for-job', 'waiting-for-notion', 'waiting-for-power', 'retry-pending']),
  /** A sentence for the state ("Waiting for Notion to be reachable (next try 10:42)."). */
  detail: z.string(),
  pausedUntil: z.string().nullable(),
  nextRunAt: z.string().nullable(),
  upcoming: z.array(z.string()),
  lastSuccess: z
    .object({
      at: z.string(),
      pages: z.number().nullable(),
      warnings: z.number(),
      /** Many pages disappeared in that backup (see the mass-deletion alert). */
      massDeletion: z.boolean(),
    })
    .nullable(),
  lastRun: z.object({ at: z.string(), status: z.enum(['succeeded', 'failed', 'cancelled']), message: z.string() }).nullable(),
  /** Set when no backup has succeeded for `staleAfterDays`. */
  stale: z.object({ days: z.number(), message: z.string() }).nullable(),
});
export type ScheduleStatus = z.infer<typeof ScheduleStatusSchema>;

export const DEFAULT_SCHEDULE_SETTINGS: ScheduleSettings = {
  plan: { kind: 'daily', time: '02:00' },
  pausedUntil: null,
  skipOnBattery: false,
  fullEveryDays: 7,
  checkEveryDays: 0,
  staleAfterDays: 3,
};

export const DEFAULT_RETENTION_SETTINGS: RetentionSettings = { automatic: false, last: 10, daily: 7, weekly: 4, monthly: 12 };
