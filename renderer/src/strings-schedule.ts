/**
 * User-facing strings for scheduled backups, the tray, notifications and retention. Kept apart from
 * strings.ts (already long); same rules: functions take the values they interpolate.
 */
const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

/** Monday first; the numbers are the plan's (0 = Sunday … 6 = Saturday). */
const WEEKDAYS = [
  { day: 1, short: 'Mon', long: 'Monday' },
  { day: 2, short: 'Tue', long: 'Tuesday' },
  { day: 3, short: 'Wed', long: 'Wednesday' },
  { day: 4, short: 'Thu', long: 'Thursday' },
  { day: 5, short: 'Fri', long: 'Friday' },
  { day: 6, short: 'Sat', long: 'Saturday' },
  { day: 0, short: 'Sun', long: 'Sunday' },
] as const;

export const scheduleStrings = {
  weekdays: WEEKDAYS,

  schedule: {
    title: 'Schedule',
    lead:
      'Automatic backups run from the system tray, also when this window is closed. A backup missed while the ' +
      'computer was asleep or off runs once when it is back.',
    leadBrowser:
      'Automatic backups run while notion-plakar ui runs, also when this tab is closed. A backup missed while it ' +
      'was stopped runs once when it is back.',
    planLegend: 'When to back up',
    plans: {
      manual: 'Manual only',
      interval: 'Every few hours',
      daily: 'Daily',
      weekly: 'Weekly',
    },
    planHints: {
      manual: 'Only when you press “Back up now” or use the tray menu.',
      interval: 'Counted from the last backup.',
      daily: 'Once a day at the time you choose.',
      weekly: 'On the days you choose, at the time you choose.',
    },
    hours: 'Hours between backups',
    hoursHelp: 'From 1 to 168 (one week).',
    hoursInvalid: 'Choose between 1 and 168 hours.',
    time: 'Time of day',
    timeHelp: 'Your computer’s local time.',
    timeInvalid: 'Choose a time as HH:MM.',
    daysLegend: 'Days',
    daysInvalid: 'Choose at least one day.',
    previewTitle: 'Next runs',
    previewLoading: 'Working out the next runs…',
    previewManual: 'No automatic backups: nothing is planned.',
    previewInvalid: (message: string) => `No preview yet: ${message}`,
    previewTimeZone: (zone: string) => `Times in ${zone}.`,
    previewNone: 'No run is planned.',
    optionsLegend: 'Options',
    skipOnBattery: 'Skip while on battery (run when plugged in)',
    fullEvery: 'Full crawl every',
    days: 'days',
    fullEveryHelp: 'Other backups reuse unchanged pages from the previous one. A full crawl reads everything again.',
    fullEveryInvalid: 'Enter a whole number of days from 1 to 90.',
    checkEvery: 'Check store integrity',
    checkEveryHelp: 'After a scheduled backup, when the last check is this old. It reads every snapshot and can take a while.',
    checkOptions: (days: number) => (days === 0 ? 'Never' : `Every ${plural(days, 'day', 'days')}`),
    staleAfter: 'Warn when no backup has succeeded for',
    staleAfterHelp: 'Home, the tray icon and a notification say so.',
    staleAfterInvalid: 'Enter a whole number of days from 1 to 90.',
    save: 'Save schedule',
    fixErrors: 'Nothing was saved: fix the fields marked above.',
  },

  pause: {
    title: 'Pause',
    stateLabel: 'Current state',
    forHour: 'Pause for 1 hour',
    untilTomorrow: 'Pause until tomorrow',
    untilLabel: 'Pause until',
    untilHelp: 'Automatic backups resume by themselves at that time. “Back up now” still works.',
    untilButton: 'Pause until this time',
    untilEmpty: 'Choose a date and time.',
    untilPast: 'Choose a time in the future.',
    resume: 'Resume backups',
    manualNote: 'Automatic backups are off (Manual only), so there is nothing to pause.',
  },

  behaviour: {
    title: 'Notifications and startup',
    notificationsLegend: 'Notifications',
    notifications: { failures: 'Failures only', all: 'All results', off: 'Off' },
    notificationHints: {
      failures: 'A notification when a backup fails or needs you; successes stay quiet.',
      all: 'A notification after every backup, check and cleanup.',
      off: 'No notifications. Problems still show on the tray icon and on Home.',
    },
    launchAtLogin: 'Open at login',
    launchAtLoginHelp: 'Quietly, in the tray: no window opens, scheduled backups run.',
  },

  retention: {
    title: 'Retention',
    lead:
      'Which snapshots to keep. Retention only removes snapshots this app made of the current Notion source; ' +
      'snapshots made by other tools, or of other sources, are never touched.',
    last: 'Keep last',
    lastHelp: 'The newest snapshots, whatever their age (at least 1).',
    daily: 'Keep daily',
    dailyHelp: 'The newest snapshot of each of this many days.',
    weekly: 'Keep weekly',
    weeklyHelp: 'The newest snapshot of each of this many weeks.',
    monthly: 'Keep monthly',
    monthlyHelp: 'The newest snapshot of each of this many months.',
    lastInvalid: 'Keep at least the newest snapshot (1 to 1000).',
    countInvalid: 'Enter a whole number from 0 to 1000.',
    automatic: 'Apply after every successful backup',
    automaticHelp: 'Snapshots the policy does not keep are removed after each backup. Off: only when you preview and remove them here.',
    save: 'Save retention',
    preview: 'Preview retention',
    previewing: 'Reading the snapshots…',
    removeTitle: (count: number) => `Will be removed (${count.toLocaleString()})`,
    keepTitle: (count: number) => `Kept (${count.toLocaleString()})`,
    removeListLabel: 'Snapshots to remove',
    keepListLabel: 'Snapshots to keep',
    nothingToRemove: 'Nothing to remove: every snapshot is kept by this policy.',
    noneKept: 'No snapshot of this source yet.',
    untouched: (count: number) =>
      `${plural(count, 'snapshot', 'snapshots')} made by other tools or of other sources ${count === 1 ? 'is' : 'are'} never touched.`,
    mode: { full: 'full', incremental: 'incremental' } as Record<string, string>,
    reasons: (reasons: readonly string[]) => reasons.join(', '),
    removeButton: (count: number) => `Remove ${plural(count, 'snapshot', 'snapshots')}…`,
    confirmQuestion: (count: number) =>
      `Remove ${plural(count, 'snapshot', 'snapshots')} from the store? They cannot be restored afterwards. ` +
      'Only the snapshots listed above are removed.',
    confirmButton: (count: number) => `Remove ${plural(count, 'snapshot', 'snapshots')}`,
    cancel: 'Cancel',
    removing: 'Removing snapshots… (the store is locked until this ends)',
    removed: (summary: string) => summary,
    removeFailed: (message: string) => `Nothing more was removed: ${message}`,
    stalePreview: 'The policy changed since the preview: preview again before removing.',
  },

  home: {
    regionTitle: 'Backup schedule',
    scheduled: (when: string) => `Next backup ${when}.`,
    pausedUntil: (when: string) => `Automatic backups are paused until ${when}.`,
    nextBackup: (when: string, relative: string) => `Next backup: ${when} (${relative})`,
    changeSchedule: 'Change schedule',
    loadProblem: 'The schedule could not be read:',
    trayHintTitle: 'Backups keep running in the tray',
    trayHint: (where: string) =>
      `Notion Kloset Backup keeps running in the system tray (${where}) so scheduled backups run when this ` +
      'window is closed. Quit from the tray icon’s menu.',
    trayWhere: (platform: string | null) =>
      platform === 'darwin'
        ? 'the menu bar at the top right'
        : platform === 'win32'
          ? 'the notification area at the bottom right; it may be under the ^ arrow'
          : 'the top bar or the panel, depending on your desktop',
    trayGotIt: 'Got it',
    browserHintTitle: 'Backups run while notion-plakar ui runs',
    browserHint:
      'Closing this tab does not stop scheduled backups; stopping notion-plakar ui (Ctrl-C) does. To keep ' +
      'them running on a server, run it as a service (see the README, “On a server”).',
  },

  logs: {
    kinds: { check: 'Integrity check', retention: 'Retention' } as Record<string, string>,
    trigger: 'Trigger',
    triggers: {
      manual: 'Manual',
      scheduled: 'Scheduled',
      'catch-up': 'Catch-up after sleep/start',
      retry: 'Automatic retry',
      tray: 'Tray',
    } as Record<string, string>,
    notFound: 'That run is not in the history yet. Refresh in a moment.',
  },
} as const;
