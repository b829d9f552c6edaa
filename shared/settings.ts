import { z } from 'zod';
import { NotificationModeSchema, RetentionSettingsSchema, ScheduleSettingsSchema } from './schedule';
import { NOTION_REQUEST_RATE } from './notion-rate';

/** The app's settings (no secrets: those stay in main's SecretVault). */
export const SettingsSchema = z.object({
  /** A plakar binary chosen in the app; null = PLAKAR_BIN or the PATH. */
  plakarPath: z.string().nullable(),
  store: z
    .object({
      location: z.string(),
      encrypted: z.boolean(),
      /** The passphrase was confirmed as saved somewhere safe by the user. */
      passphraseSaved: z.boolean(),
    })
    .nullable(),
  notion: z.object({
    /** Ignored and no longer written (kept so older settings files still parse): the Notion API URL comes only from NOTION_API_URL (docs/security.md). */
    apiUrl: z.string().nullable(),
    workspaceName: z.string().nullable(),
    workspaceId: z.string().nullable(),
    botName: z.string().nullable(),
    tokenKind: z.enum(['internal', 'personal']).nullable(),
  }),
  /** Page and database ids to back up; empty = everything the token can see. */
  roots: z.array(z.string()),
  advanced: z.object({
    requestsPerSecond: z.number().min(NOTION_REQUEST_RATE.min).max(NOTION_REQUEST_RATE.settingsMax),
    comments: z.enum(['pages', 'all', 'off']),
    /** Keep a private local copy of the last backed-up tree, so incremental backups need not restore it. */
    localCopy: z.boolean().default(true),
  }),
  onboardingCompletedAt: z.string().nullable(),
  /** The user accepted storing secrets although the system has no secure key store (Linux basic_text). */
  acceptInsecureSecretStorage: z.boolean(),
  schedule: ScheduleSettingsSchema,
  retention: RetentionSettingsSchema,
  notifications: NotificationModeSchema,
  launchAtLogin: z.boolean(),
  /** The app has told the user where its tray icon is (once). */
  trayHintShown: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;
