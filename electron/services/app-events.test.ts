import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { JobFinishedEvent } from '../../shared/ipc/app-schemas';
import { JobRecordSchema } from '../../shared/ipc/app-schemas';
import type { EventName } from '../../shared/ipc/channels';
import type { EventPayload } from '../../shared/ipc/contract';
import type { ScheduleStatus } from '../../shared/schedule';
import { AppEvents } from './app-events';
import { createAppCore } from './app-services';
import { resolveServiceConfig } from './config';
import type { JobRecord } from './background/job-history';
import { JobRunner } from './background/job-runner';
import { SecretVault, testOnlyCipher } from './secrets';
import type { ServiceDeps } from './service-context';
import { AppSettings, SETTINGS_STORE_OPTIONS } from './settings';

const finished: JobFinishedEvent = { jobId: 'job-1', kind: 'backup', outcome: { status: 'cancelled', message: 'The backup was cancelled.' } };

describe('AppEvents', () => {
  it('gives each listener the payload of its own event, typed by the contract', () => {
    const events = new AppEvents();
    const heard: JobFinishedEvent[] = [];
    events.on('jobFinished', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<EventPayload<'jobFinished'>>();
      heard.push(payload);
    });
    events.on('scheduleStatus', (payload) => expectTypeOf(payload).toEqualTypeOf<ScheduleStatus>());
    events.emit('navigate', { screen: 'logs', jobId: null });
    events.emit('jobFinished', finished);
    expect(heard).toEqual([finished]);
  });

  it('stops calling a listener once unsubscribed, each subscription on its own', () => {
    const events = new AppEvents();
    const heard: string[] = [];
    const listener = (payload: JobFinishedEvent) => heard.push(payload.jobId);
    const first = events.on('jobFinished', listener);
    events.on('jobFinished', listener);
    events.emit('jobFinished', finished);
    first();
    first();
    events.emit('jobFinished', { ...finished, jobId: 'job-2' });
    expect(heard).toEqual(['job-1', 'job-1', 'job-2']);
    const stopAny = events.onAny((event) => heard.push(event));
    stopAny();
    events.emit('navigate', { screen: 'home', jobId: null });
    expect(heard).toEqual(['job-1', 'job-1', 'job-2']);
  });

  it("calls the event's own listeners first, then every onAny listener, each in the order they subscribed", () => {
    const events = new AppEvents();
    const order: string[] = [];
    events.onAny((event) => order.push(`any 1: ${event}`));
    events.on('jobFinished', () => order.push('history'));
    events.onAny((event) => order.push(`any 2: ${event}`));
    events.on('jobFinished', () => order.push('tray'));
    events.emit('jobFinished', finished);
    events.emit('navigate', { screen: 'home', jobId: null });
    expect(order).toEqual(['history', 'tray', 'any 1: jobFinished', 'any 2: jobFinished', 'any 1: navigate', 'any 2: navigate']);
  });

  it('gives onAny listeners the event with its payload', () => {
    const events = new AppEvents();
    const heard: Array<{ event: EventName; payload: unknown }> = [];
    events.onAny((event, payload) => heard.push({ event, payload }));
    events.emit('jobFinished', finished);
    expect(heard).toEqual([{ event: 'jobFinished', payload: finished }]);
  });

  it('still calls every listener when one unsubscribes another during the emit', () => {
    const events = new AppEvents();
    const heard: string[] = [];
    const stopSecond = events.on('jobFinished', () => heard.push('second'));
    events.on('jobFinished', () => {
      heard.push('first');
      stopSecond();
    });
    events.emit('jobFinished', finished);
    events.emit('jobFinished', finished);
    expect(heard).toEqual(['second', 'first', 'first']);
  });
});

describe("the app core's bus", () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  const recordedJobIds = (): string[] => {
    const file = path.join(dataDir ?? '', 'history.jsonl');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JobRecordSchema.parse(JSON.parse(line)).jobId);
  };

  async function core(platform: ServiceDeps['platform'] = {}) {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'app-events-'));
    const config = resolveServiceConfig(
      { NOTION_PLAKAR_DATA_DIR: dataDir, PATH: '' },
      { productName: 'Test', version: '0.0.0', electronVersion: null, chromeVersion: null, defaultDataDir: dataDir },
    );
    const settings = new AppSettings(new Conf({ ...SETTINGS_STORE_OPTIONS, cwd: dataDir }));
    return createAppCore({ config, settings, vault: new SecretVault(dataDir, testOnlyCipher(), () => true), jobs: new JobRunner(), platform });
  }

  it('records a finished job in the history before the scheduler is told, and forwards the event as it came', async () => {
    const app = await core();
    const forwarded: Array<{ event: EventName; payload: unknown }> = [];
    app.events.onAny((event, payload) => forwarded.push({ event, payload }));
    const inHistoryWhenTold: string[][] = [];
    const told = new Promise<JobRecord>((resolve) => {
      vi.spyOn(app.scheduler, 'jobFinished').mockImplementation(async (record) => {
        // Read at once, synchronously: what is on disk at the moment the scheduler is told.
        inHistoryWhenTold.push(recordedJobIds());
        resolve(record);
      });
    });
    app.events.emit('jobFinished', finished);
    expect(recordedJobIds()).toEqual([]);
    expect(forwarded).toEqual([{ event: 'jobFinished', payload: finished }]);
    expect(await told).toMatchObject({ jobId: 'job-1', kind: 'backup', outcome: finished.outcome });
    expect(inHistoryWhenTold).toEqual([['job-1']]);
  });

  it('offers the tray the same pause, resume and behaviour services as the IPC handlers', async () => {
    const loginItem: boolean[] = [];
    const app = await core({ setLaunchAtLogin: (enabled) => void loginItem.push(enabled) });
    expect(await app.pauseSchedule('hour')).toMatchObject({ state: 'paused' });
    expect(app.settings.get().schedule.pausedUntil).not.toBeNull();
    expect(await app.resumeSchedule()).toEqual(await app.handlers.getScheduleStatus(undefined));
    expect(app.settings.get().schedule.pausedUntil).toBeNull();
    await app.setNotifications('all');
    await app.setLaunchAtLogin(true);
    await app.setLaunchAtLogin(true);
    expect(app.settings.get()).toMatchObject({ notifications: 'all', launchAtLogin: true });
    expect(loginItem).toEqual([true]);
  });
});
