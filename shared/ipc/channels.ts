/**
 * Method name → IPC channel. Kept free of runtime dependencies so the sandboxed preload can bundle it
 * without pulling in zod. The schemas for each method live in ./contract.ts under the same names.
 */
export const invokeChannels = {
  getAppInfo: 'app:get-info',
  detectPlakar: 'plakar:detect',
  validateNotionToken: 'notion:validate-token',
  getAppState: 'app:get-state',
  choosePlakarBinary: 'plakar:choose-binary',
  chooseFolder: 'dialog:choose-folder',
  setupStore: 'store:setup',
  confirmPassphraseSaved: 'store:confirm-passphrase-saved',
  connectNotion: 'notion:connect',
  disconnectNotion: 'notion:disconnect',
  listNotionPages: 'notion:list-pages',
  setBackupRoots: 'backup:set-roots',
  acceptInsecureSecretStorage: 'secrets:accept-insecure',
  completeOnboarding: 'app:complete-onboarding',
  startBackup: 'job:start-backup',
  cancelJob: 'job:cancel',
  listSnapshots: 'snapshots:list',
  getSnapshotTree: 'snapshots:tree',
  getPagePreview: 'snapshots:page-preview',
  getSnapshotChanges: 'snapshots:changes',
  getPageVersions: 'snapshots:page-versions',
  searchSnapshots: 'snapshots:search',
  getPageDiff: 'snapshots:page-diff',
  startRestore: 'job:start-restore',
  listJobHistory: 'job:history',
  showExportFolder: 'job:show-export-folder',
  updateAdvancedSettings: 'settings:update-advanced',
  checkStoreIntegrity: 'store:check',
  getBackupCommand: 'backup:cli-command',
  getScheduleStatus: 'schedule:status',
  updateSchedule: 'schedule:update',
  previewSchedule: 'schedule:preview',
  pauseSchedule: 'schedule:pause',
  resumeSchedule: 'schedule:resume',
  updateAppBehaviour: 'settings:update-behaviour',
  dismissTrayHint: 'app:dismiss-tray-hint',
  updateRetention: 'retention:update',
  previewRetention: 'retention:preview',
  applyRetention: 'retention:apply',
} as const;

export type InvokeMethod = keyof typeof invokeChannels;

/** Main → renderer events. */
export const eventChannels = {
  jobProgress: 'event:job-progress',
  jobFinished: 'event:job-finished',
  scheduleStatus: 'event:schedule-status',
  navigate: 'event:navigate',
  /** Browser mode only: the dialogs waiting for the user on the dialogs origin. */
  dialogs: 'event:dialogs',
} as const;

export type EventName = keyof typeof eventChannels;

export function methodForChannel(channel: string): InvokeMethod | undefined {
  return (Object.keys(invokeChannels) as InvokeMethod[]).find((method) => invokeChannels[method] === channel);
}
