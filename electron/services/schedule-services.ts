import type { ContractHandlers } from '../../shared/ipc/contract';
import type { PauseScheduleInput } from '../../shared/ipc/schedule-schemas';
import { snapshotMode, sourceKey } from '../engine/jobs/backup-plan';
import { describeJobError } from '../engine/jobs/job-errors';
import { planRetention } from '../engine/schedule/retention';
import { startOfNextDay, validateSchedule } from '../engine/schedule/schedule';
import { RequestRefusedError } from '../../shared/ipc/dispatch';
import { launchRetention } from './job-launchers';
import type { BackupScheduler } from './scheduler';
import type { ServiceContext } from './service-context';

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

/** Settings → Schedule, Notifications and Retention; the tray calls the same handlers. */
export function scheduleServices(context: ServiceContext, scheduler: BackupScheduler): ScheduleHandlers {
  const { settings } = context.deps;
  const afterChange = async () => {
    await scheduler.poke();
    return scheduler.status();
  };
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

    async pauseSchedule(input) {
      const now = context.clock.now();
      const until = pauseUntil(input, now, context.timeZone());
      if (until <= now) throw new RequestRefusedError('Choose a time in the future to pause until.');
      if (until.getTime() - now.getTime() > 366 * 86_400_000) throw new RequestRefusedError('Pause for at most a year, or choose "Manual only" in the schedule.');
      settings.update({ schedule: { ...settings.get().schedule, pausedUntil: until.toISOString() } });
      return afterChange();
    },

    async resumeSchedule() {
      settings.update({ schedule: { ...settings.get().schedule, pausedUntil: null } });
      return afterChange();
    },

    async updateAppBehaviour({ notifications, launchAtLogin }) {
      const previous = settings.get().launchAtLogin;
      if (previous !== launchAtLogin) await context.deps.platform?.setLaunchAtLogin?.(launchAtLogin);
      settings.update({ notifications, launchAtLogin });
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
