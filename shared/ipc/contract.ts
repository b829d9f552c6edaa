import { z } from 'zod';
import {
  AdvancedSettingsInputSchema,
  AppStateSchema,
  JobRecordSchema,
  StoreCheckSchema,
  CancelJobInputSchema,
  ChooseFolderInputSchema,
  ChooseFolderResultSchema,
  JobFinishedEventSchema,
  JobProgressEventSchema,
  JobStartSchema,
  NotionPagesResultSchema,
  PagePreviewInputSchema,
  PagePreviewSchema,
  SnapshotIdInputSchema,
  SnapshotTreeSchema,
  SetRootsInputSchema,
  SnapshotListSchema,
  StartBackupInputSchema,
  StartRestoreInputSchema,
  StoreSetupInputSchema,
  StoreSetupResultSchema,
} from './app-schemas';
import type { EventName, InvokeMethod } from './channels';
import {
  AppBehaviourInputSchema,
  ApplyRetentionInputSchema,
  NavigateEventSchema,
  PauseScheduleInputSchema,
  PreviewScheduleInputSchema,
  PreviewScheduleResultSchema,
  RetentionPreviewInputSchema,
  RetentionPreviewSchema,
  UpdateRetentionInputSchema,
  UpdateScheduleInputSchema,
} from './schedule-schemas';
import { ScheduleStatusSchema } from '../schedule';
import { PendingDialogsEventSchema } from './browser-schemas';
import { PageDiffInputSchema, PageDiffSchema, PageVersionsInputSchema, PageVersionsSchema, SearchSnapshotsInputSchema, SearchSnapshotsSchema, SnapshotChangesSchema } from './history-schemas';

/**
 * The typed IPC contract between the renderer and the main process: for each named method, the
 * schema of its single input and of its result; for each event, the schema of its payload.
 * Main validates every input against these schemas before a service sees it (the renderer is
 * untrusted), and tests validate results against them.
 */

export const AppInfoSchema = z.object({
  productName: z.string(),
  version: z.string(),
  electronVersion: z.string().nullable(),
  chromeVersion: z.string().nullable(),
  nodeVersion: z.string(),
  platform: z.string(),
  /** Where the app keeps settings, logs and plakar's private config/cache. */
  dataDir: z.string(),
  notionApiUrl: z.string(),
  /** True when the app talks to the Notion emulator with the demo workspace. */
  demoMode: z.boolean(),
  /** In demo mode only: the emulator's token for the demo workspace (not a real secret). */
  demoToken: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export { OLDEST_SUPPORTED_PLAKAR as MINIMUM_PLAKAR_VERSION } from '../plakar-support';

export const PlakarDetectionSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    path: z.string(),
    version: z.string(),
    /** Set when this plakar is newer than any release the app was tested with: it runs, with a warning. */
    warning: z.string().nullable().default(null),
  }),
  z.object({ status: z.literal('too-old'), path: z.string(), version: z.string(), minimumVersion: z.string() }),
  z.object({ status: z.literal('not-found'), searched: z.array(z.string()) }),
  /** A file exists but does not behave like plakar (not executable, crashes, unknown output). */
  z.object({ status: z.literal('unusable'), path: z.string(), reason: z.string() }),
]);
export type PlakarDetection = z.infer<typeof PlakarDetectionSchema>;

/** choosePlakarBinary: main's file dialog, then `plakar version`; cancelled when the user closed a dialog. */
export const ChoosePlakarResultSchema = z.discriminatedUnion('status', [...PlakarDetectionSchema.options, z.object({ status: z.literal('cancelled') })]);
export type ChoosePlakarResult = z.infer<typeof ChoosePlakarResultSchema>;

/** Notion tokens are opaque secrets: bound the size, refuse control characters. */
export const NotionTokenInputSchema = z.object({
  token: z
    .string()
    .max(1024, 'That is too long to be a Notion token.')
    // eslint-disable-next-line no-control-regex
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value.trim()), 'The token contains control characters.'),
});
export type NotionTokenInput = z.infer<typeof NotionTokenInputSchema>;

export const TokenProblemSchema = z.enum([
  'empty',
  'malformed',
  'unauthorized',
  'forbidden',
  'rate-limited',
  'notion-unavailable',
  'network',
  'timeout',
  'secret-storage',
  'unexpected',
]);
export type TokenProblem = z.infer<typeof TokenProblemSchema>;

export const NotionTokenCheckSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('valid'),
    /** "internal" integration secret (needs pages shared with it) or "personal" access token. */
    tokenKind: z.enum(['internal', 'personal']),
    workspaceName: z.string().nullable(),
    workspaceId: z.string().nullable(),
    botName: z.string().nullable(),
    userName: z.string().nullable(),
    maxFileUploadBytes: z.number().nullable(),
  }),
  z.object({
    status: z.literal('invalid'),
    problem: TokenProblemSchema,
    /** Plain-language explanation with the next step. */
    message: z.string(),
    /** Technical detail for the logs view (HTTP status, code, request id). Never contains the token. */
    detail: z.string().nullable(),
  }),
]);
export type NotionTokenCheck = z.infer<typeof NotionTokenCheckSchema>;

export const ipcContract = {
  getAppInfo: { input: z.undefined(), result: AppInfoSchema },
  detectPlakar: { input: z.undefined(), result: PlakarDetectionSchema },
  validateNotionToken: { input: NotionTokenInputSchema, result: NotionTokenCheckSchema },
  getAppState: { input: z.undefined(), result: AppStateSchema },
  choosePlakarBinary: { input: z.undefined(), result: ChoosePlakarResultSchema },
  chooseFolder: { input: ChooseFolderInputSchema, result: ChooseFolderResultSchema },
  setupStore: { input: StoreSetupInputSchema, result: StoreSetupResultSchema },
  confirmPassphraseSaved: { input: z.undefined(), result: AppStateSchema },
  connectNotion: { input: NotionTokenInputSchema, result: NotionTokenCheckSchema },
  disconnectNotion: { input: z.undefined(), result: AppStateSchema },
  listNotionPages: { input: z.undefined(), result: NotionPagesResultSchema },
  setBackupRoots: { input: SetRootsInputSchema, result: AppStateSchema },
  acceptInsecureSecretStorage: { input: z.undefined(), result: AppStateSchema },
  completeOnboarding: { input: z.undefined(), result: AppStateSchema },
  startBackup: { input: StartBackupInputSchema, result: JobStartSchema },
  cancelJob: { input: CancelJobInputSchema, result: z.object({ cancelled: z.boolean() }) },
  listSnapshots: { input: z.undefined(), result: SnapshotListSchema },
  getSnapshotTree: { input: SnapshotIdInputSchema, result: SnapshotTreeSchema },
  getPagePreview: { input: PagePreviewInputSchema, result: PagePreviewSchema },
  getSnapshotChanges: { input: SnapshotIdInputSchema, result: SnapshotChangesSchema },
  getPageVersions: { input: PageVersionsInputSchema, result: PageVersionsSchema },
  searchSnapshots: { input: SearchSnapshotsInputSchema, result: SearchSnapshotsSchema },
  getPageDiff: { input: PageDiffInputSchema, result: PageDiffSchema },
  startRestore: { input: StartRestoreInputSchema, result: JobStartSchema },
  listJobHistory: { input: z.undefined(), result: z.object({ jobs: z.array(JobRecordSchema) }) },
  /** Opens the folder an export job wrote to, as main recorded it (never a path from the renderer). */
  showExportFolder: {
    input: z.strictObject({ jobId: z.string().min(1).max(100) }),
    result: z.discriminatedUnion('status', [
      z.object({ status: z.literal('opened') }),
      /** No file manager to open (browser mode). */
      z.object({ status: z.literal('unavailable') }),
      z.object({ status: z.literal('problem'), message: z.string() }),
    ]),
  },
  updateAdvancedSettings: { input: AdvancedSettingsInputSchema, result: AppStateSchema },
  checkStoreIntegrity: { input: z.undefined(), result: StoreCheckSchema },
  getBackupCommand: { input: z.undefined(), result: z.object({ command: z.string() }) },
  getScheduleStatus: { input: z.undefined(), result: ScheduleStatusSchema },
  updateSchedule: { input: UpdateScheduleInputSchema, result: ScheduleStatusSchema },
  previewSchedule: { input: PreviewScheduleInputSchema, result: PreviewScheduleResultSchema },
  pauseSchedule: { input: PauseScheduleInputSchema, result: ScheduleStatusSchema },
  resumeSchedule: { input: z.undefined(), result: ScheduleStatusSchema },
  updateAppBehaviour: { input: AppBehaviourInputSchema, result: AppStateSchema },
  dismissTrayHint: { input: z.undefined(), result: AppStateSchema },
  updateRetention: { input: UpdateRetentionInputSchema, result: AppStateSchema },
  previewRetention: { input: RetentionPreviewInputSchema, result: RetentionPreviewSchema },
  applyRetention: { input: ApplyRetentionInputSchema, result: JobStartSchema },
} as const satisfies Record<InvokeMethod, { input: z.ZodType; result: z.ZodType }>;

export const eventContract = {
  jobProgress: JobProgressEventSchema,
  jobFinished: JobFinishedEventSchema,
  scheduleStatus: ScheduleStatusSchema,
  navigate: NavigateEventSchema,
  dialogs: PendingDialogsEventSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type InputOf<M extends InvokeMethod> = z.input<(typeof ipcContract)[M]['input']>;
export type ResultOf<M extends InvokeMethod> = z.output<(typeof ipcContract)[M]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;

export const IpcErrorCodeSchema = z.enum(['invalid-input', 'untrusted-sender', 'unknown-method', 'internal']);
export type IpcErrorCode = z.infer<typeof IpcErrorCodeSchema>;
export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

/** Every invoke resolves to this envelope: errors cross the bridge as data, never as thrown objects. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** What main implements and the renderer calls: one function per method. */
export type ContractHandlers = {
  [M in InvokeMethod]: (input: z.output<(typeof ipcContract)[M]['input']>) => Promise<ResultOf<M>>;
};
