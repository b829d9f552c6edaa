import type { ContractHandlers, InputOf } from '../../../shared/ipc/contract';
import type { PauseScheduleInput } from '../../../shared/ipc/schedule-schemas';
import type { ScheduleStatus } from '../../../shared/schedule';
import { snapshotMode, sourceKey } from '../../engine/jobs/backup-plan';
import { describeJobError } from '../../engine/jobs/job-errors';
import { planRetention } from '../../engine/schedule/retention';
import { startOfNextDay, validateSchedule } from '../../engine/schedule/schedule';
import { RequestRefusedError } from '../../../shared/ipc/dispatch';
import { launchRetention } from '../background/job-launchers';
import type { BackupScheduler } from '../background/scheduler';
import type { ServiceContext } from '../service-context';

type ScheduleHandlers = Pick<
  ContractHandlers,
  | 'getScheduleStatus'
  | 'updateSchedule'
  | 'previewSchedule'
  | 'pauseSchedule'
  | 'resumeSchedule'
  | 'updateAppBehaviour'
  | 'dismissTrayHint'
  | 'updateRetention'
  | 'previewRetention'
  | 'applyRetention'
>;

export function pauseUntil(input: PauseScheduleInput, now: Date, timeZone: string): Date {
  switch (input.kind) {
    case 'hour':
      return new Date(now.getTime() + 3_600_000);
    case 'tomorrow':
      return startOfNextDay(now, timeZone);
    case 'until':
      return new Date(input.until);
  }
}

type AppBehaviour = InputOf<'updateAppBehaviour'>;

/** The scheduler decides again after a settings change; the status then says what it decided. */
async function statusAfterChange(scheduler: BackupScheduler): Promise<ScheduleStatus> {
  await scheduler.poke();
  return scheduler.status();
}

/** What both Settings (through IPC) and the tray do: pause, resume, notifications, launch at login. */
export interface ScheduleControls {
  pause(input: PauseScheduleInput): Promise<ScheduleStatus>;
  resume(): Promise<ScheduleStatus>;
  /** Changes notifications and/or launch at login; the login item itself changes first. */
  setAppBehaviour(change: Partial<AppBehaviour>): Promise<void>;
}

export function scheduleControls(context: ServiceContext, scheduler: BackupScheduler): ScheduleControls {
  const { settings } = context.deps;
  const afterChange = () => statusAfterChange(scheduler);
  return {
    async pause(input) {
      const now = context.clock.now();
      const until = pauseUntil(input, now, context.timeZone());
      if (until <= now) throw new RequestRefusedError('Choose a time in the future to pause until.');
      if (until.getTime() - now.getTime() > 366 * 86_400_000) throw new RequestRefusedError('Pause for at most a year, or choose "Manual only" in the schedule.');
      settings.update({ schedule: { ...settings.get().schedule, pausedUntil: until.toISOString() } });
      return afterChange();
    },

    async resume() {
      settings.update({ schedule: { ...settings.get().schedule, pausedUntil: null } });
      return afterChange();
    },

    async setAppBehaviour(change) {
      const current = settings.get();
      const { notifications = current.notifications, launchAtLogin = current.launchAtLogin } = change;
      if (current.launchAtLogin !== launchAtLogin) await context.deps.platform?.setLaunchAtLogin?.(launchAtLogin);
      settings.update({ notifications, launchAtLogin });
    },
  };
}

/** Settings → Schedule, Notifications and Retention; the tray uses the same controls. */
export function scheduleServices(
  context: ServiceContext,
  scheduler: BackupScheduler,
  controls: ScheduleControls = scheduleControls(context, scheduler),
): ScheduleHandlers {
  const { settings } = context.deps;
  const afterChange = () => statusAfterChange(scheduler);
  return {
    async getScheduleStatus() {
      return scheduler.status();
    },

    async updateSchedule(input) {
      settings.update({ schedule: { ...input, pausedUntil: settings.get().schedule.pausedUntil } });
      return afterChange();
    },

    async previewSchedule({ plan }) {
      const problem = validateSchedule(plan);
      if (problem) return { status: 'invalid', message: problem };
      const runs = scheduler.upcoming(plan);
      return { status: 'ok', runs: runs.map((run) => run.toISOString()), timeZone: context.timeZone() };
    },

    pauseSchedule: (input) => controls.pause(input),

    resumeSchedule: () => controls.resume(),

    async updateAppBehaviour(input) {
      await controls.setAppBehaviour(input);
      return context.state();
    },

    async dismissTrayHint() {
      settings.update({ trayHintShown: true });
      return context.state();
    },

    async updateRetention(input) {
      settings.update({ retention: input });
      return context.state();
    },

    async previewRetention({ policy }) {
      try {
        const store = await context.store();
        const { notion, roots } = settings.get();
        const snapshots = await store.listSnapshots();
        const plan = planRetention(snapshots, policy, context.timeZone(), sourceKey(notion.workspaceId, roots));
        return {
          status: 'ok',
          keep: plan.keep.map(({ snapshot, reasons }) => ({ id: snapshot.id, time: snapshot.time, mode: snapshotMode(snapshot.tags), reasons })),
          remove: plan.remove.map((snapshot) => ({ id: snapshot.id, time: snapshot.time, mode: snapshotMode(snapshot.tags) })),
          untouched: snapshots.length - plan.keep.length - plan.remove.length,
        };
      } catch (error) {
        return { status: 'problem', message: describeJobError(error, 'browse').message };
      }
    },

    async applyRetention({ policy, confirmedIds }) {
      return launchRetention(context, policy, confirmedIds);
    },
  };
}
