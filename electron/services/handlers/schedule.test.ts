import { afterEach, describe, expect, it } from 'vitest';
import { RequestRefusedError } from '../../../shared/ipc/dispatch';
import { pauseUntil, scheduleServices } from './schedule';
import type { Harness } from '../../../testkit/support/scheduler';
import { createHarness, MINUTE, PARIS } from '../../../testkit/support/scheduler';
import type { ServiceContext } from '../service-context';

const at = (iso: string) => new Date(iso);

describe('pauseUntil', () => {
  it('"hour" is sixty minutes of real time, even across a clock change', () => {
    expect(pauseUntil({ kind: 'hour' }, at('2026-11-24T10:20:00Z'), PARIS)).toEqual(at('2026-11-24T11:20:00Z'));
    // 01:30 CET + 1 h is 03:30 CEST on the night Paris springs forward.
    expect(pauseUntil({ kind: 'hour' }, at('2026-03-29T00:30:00Z'), PARIS)).toEqual(at('2026-03-29T01:30:00Z'));
  });

  it('"tomorrow" is the next local midnight (the first minute of the next day where midnight is skipped)', () => {
    expect(pauseUntil({ kind: 'tomorrow' }, at('2026-11-24T10:20:00Z'), PARIS)).toEqual(at('2026-11-24T23:00:00Z'));
    expect(pauseUntil({ kind: 'tomorrow' }, at('2026-11-24T22:59:00Z'), PARIS)).toEqual(at('2026-11-24T23:00:00Z'));
    expect(pauseUntil({ kind: 'tomorrow' }, at('2026-11-24T23:00:00Z'), PARIS)).toEqual(at('2026-11-25T23:00:00Z'));
    expect(pauseUntil({ kind: 'tomorrow' }, at('2026-11-24T20:00:00Z'), 'America/New_York')).toEqual(at('2026-11-25T05:00:00Z'));
    expect(pauseUntil({ kind: 'tomorrow' }, at('2026-09-05T12:00:00Z'), 'America/Santiago')).toEqual(at('2026-09-06T04:00:00Z'));
  });

  it('"until" is the instant given, whatever its offset', () => {
    expect(pauseUntil({ kind: 'until', until: '2026-11-24T18:00:00+01:00' }, at('2026-11-24T10:00:00Z'), PARIS)).toEqual(at('2026-11-24T17:00:00Z'));
    expect(pauseUntil({ kind: 'until', until: '2026-11-30T08:00:00Z' }, at('2026-11-24T10:00:00Z'), 'Asia/Tokyo')).toEqual(at('2026-11-30T08:00:00Z'));
  });
});

describe('scheduleServices: pause, resume and plan changes', () => {
  let h: Harness;
  afterEach(async () => h?.close());

  async function services() {
    h = await createHarness({ now: '2026-11-24T07:30:00Z' });
    // Only what these handlers use of the context.
    const context = { deps: { settings: h.settings }, clock: h.clock, timeZone: () => PARIS } as unknown as ServiceContext;
    return scheduleServices(context, h.scheduler);
  }

  it('pauses for an hour: the 09:00 backup waits, then runs when the pause ends', async () => {
    const handlers = await services();
    const status = await handlers.pauseSchedule({ kind: 'hour' });
    expect(status).toMatchObject({ state: 'paused', pausedUntil: '2026-11-24T08:30:00.000Z', nextRunAt: null });
    expect(h.settings.get().schedule.pausedUntil).toBe('2026-11-24T08:30:00.000Z');
    await h.runUntil('2026-11-24T08:29:00Z');
    expect(h.launches).toEqual([]);
    await h.runFor(MINUTE);
    expect(h.launches).toEqual(['catch-up']);
  });

  it('resuming runs a backup missed during the pause at once', async () => {
    const handlers = await services();
    await handlers.pauseSchedule({ kind: 'tomorrow' });
    expect(h.scheduler.status().pausedUntil).toBe('2026-11-24T23:00:00.000Z');
    await h.runUntil('2026-11-24T09:00:00Z');
    expect(h.launches).toEqual([]);
    const status = await handlers.resumeSchedule(undefined);
    expect(h.settings.get().schedule.pausedUntil).toBeNull();
    expect(h.launches).toEqual(['catch-up']);
    expect(status.state).toBe('running');
  });

  it('refuses a pause that ends in the past or more than a year away', async () => {
    const handlers = await services();
    await expect(handlers.pauseSchedule({ kind: 'until', until: '2026-11-24T07:00:00Z' })).rejects.toBeInstanceOf(RequestRefusedError);
    await expect(handlers.pauseSchedule({ kind: 'until', until: '2026-11-24T07:30:00Z' })).rejects.toThrow(/in the future/);
    await expect(handlers.pauseSchedule({ kind: 'until', until: '2027-12-01T00:00:00Z' })).rejects.toThrow(/at most a year/);
    expect(h.settings.get().schedule.pausedUntil).toBeNull();
    expect((await handlers.pauseSchedule({ kind: 'until', until: '2027-11-20T00:00:00Z' })).pausedUntil).toBe('2027-11-20T00:00:00.000Z');
  });

  it('changing the plan keeps a pause, and the scheduler follows the new plan at once', async () => {
    const handlers = await services();
    await handlers.pauseSchedule({ kind: 'hour' });
    const { pausedUntil: _paused, ...schedule } = h.settings.get().schedule;
    const status = await handlers.updateSchedule({ ...schedule, plan: { kind: 'weekly', days: [3], time: '18:00' } });
    expect(status).toMatchObject({ state: 'paused', plan: { kind: 'weekly', days: [3], time: '18:00' }, pausedUntil: '2026-11-24T08:30:00.000Z' });
    expect(status.upcoming[0]).toBe('2026-11-25T17:00:00.000Z');
    await h.runUntil('2026-11-24T09:00:00Z');
    expect(h.launches).toEqual([]);
  });

  it('previews a plan, or says what is wrong with it', async () => {
    const handlers = await services();
    expect(await handlers.previewSchedule({ plan: { kind: 'daily', time: '22:15' } })).toEqual({
      status: 'ok',
      runs: ['2026-11-24T21:15:00.000Z', '2026-11-25T21:15:00.000Z', '2026-11-26T21:15:00.000Z', '2026-11-27T21:15:00.000Z', '2026-11-28T21:15:00.000Z'],
      timeZone: PARIS,
    });
    expect(await handlers.previewSchedule({ plan: { kind: 'weekly', days: [], time: '22:15' } })).toEqual({ status: 'invalid', message: 'Choose at least one day.' });
  });
});
