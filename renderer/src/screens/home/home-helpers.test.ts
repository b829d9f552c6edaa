import { describe, expect, it } from 'vitest';
import type { ScheduleStatus } from '../../../../shared/schedule';
import type { HomeFacts } from './home-helpers';
import { homeHealth, scheduleSentence, toneIcon } from './home-helpers';

const now = new Date('2026-12-05T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();

const allGood: ScheduleStatus = {
  plan: { kind: 'daily', time: '02:00' },
  health: 'idle',
  state: 'scheduled',
  detail: 'Next backup Sun 6 Dec, 02:00.',
  pausedUntil: null,
  nextRunAt: '2026-12-06T02:00:00Z',
  upcoming: [],
  lastSuccess: { at: minutesAgo(4), pages: 12, warnings: 0, massDeletion: false },
  lastRun: { at: minutesAgo(4), status: 'succeeded', message: '12 pages' },
  stale: null,
};

function facts(status: Partial<ScheduleStatus> | null, extra: Partial<HomeFacts> = {}): HomeFacts {
  return {
    status: status === null ? null : { ...allGood, ...status },
    running: false,
    notionConnected: true,
    passphraseUnsaved: false,
    now,
    dates: { locale: 'en-GB', timeZone: 'UTC' },
    ...extra,
  };
}

describe('homeHealth', () => {
  it('says "Protected" with the last and the next backup when all is well', () => {
    expect(homeHealth(facts({}))).toEqual({ tone: 'ok', headline: 'Protected · last backup 4 min ago · next Sun 6 Dec, 02:00', link: null });
    expect(homeHealth(facts({ nextRunAt: '2026-12-05T14:00:00Z' })).headline).toBe('Protected · last backup 4 min ago · next 14:00');
    expect(homeHealth(facts({ state: 'paused', nextRunAt: null, pausedUntil: '2026-12-05T11:00:00Z' })).headline).toBe(
      'Protected · last backup 4 min ago · paused until 5 Dec 2026, 11:00',
    );
    expect(homeHealth(facts({ plan: { kind: 'manual' }, state: 'manual', nextRunAt: null })).headline).toBe('Protected · last backup 4 min ago · automatic backups off');
  });

  it('leads with a failure newer than the last success, with its message', () => {
    const failed = facts({ health: 'failed', lastRun: { at: minutesAgo(2), status: 'failed', message: 'Notion is not answering.' } });
    expect(homeHealth(failed)).toEqual({ tone: 'failed', headline: 'Backup failed 2 min ago: Notion is not answering.', link: 'logs' });
    const blocked = facts({ health: 'failed', detail: 'The scheduled backup could not start: the store is missing.' });
    expect(homeHealth(blocked).headline).toBe('Needs attention: The scheduled backup could not start: the store is missing.');
  });

  it('shows one reason at a time, the most important first', () => {
    const everything = facts(
      {
        health: 'warning',
        state: 'waiting-for-notion',
        lastSuccess: { at: minutesAgo(5000), pages: 3, warnings: 2, massDeletion: true },
        stale: { days: 3, message: 'No backup has succeeded for 3 days.' },
      },
      { passphraseUnsaved: true },
    );
    expect(homeHealth(everything)).toEqual({ tone: 'attention', headline: 'Many pages disappeared in the last backup.', link: 'snapshots' });
    const notMass = { ...everything, status: { ...everything.status!, lastSuccess: { at: minutesAgo(5000), pages: 3, warnings: 2, massDeletion: false } } };
    expect(homeHealth(notMass).headline).toBe('Needs attention: no backup has succeeded for 3 days.');
    const notStale = { ...notMass, status: { ...notMass.status, stale: null } };
    expect(homeHealth(notStale).headline).toBe('Needs attention: confirm that your store passphrase is saved somewhere safe.');
    expect(homeHealth({ ...notStale, passphraseUnsaved: false }).headline).toBe('Needs attention: Notion cannot be reached; the due backup waits for it.');
    expect(homeHealth({ ...notStale, passphraseUnsaved: false, status: { ...notStale.status, state: 'scheduled' } })).toEqual({
      tone: 'attention',
      headline: 'Last backup 3 days ago, with 2 warnings.',
      link: 'logs',
    });
    expect(homeHealth(facts({}, { notionConnected: false })).headline).toBe('Needs attention: Notion is not connected, so nothing can be backed up.');
  });

  it('says a backup runs, or that none has been made yet', () => {
    expect(homeHealth(facts({}, { running: true }))).toEqual({ tone: 'running', headline: 'A backup is running.', link: null });
    expect(homeHealth(facts({ state: 'running', health: 'running', detail: 'A restore is running; backups wait for it.' })).headline).toBe(
      'A restore is running; backups wait for it.',
    );
    expect(homeHealth(facts(null)).tone).toBe('quiet');
    expect(homeHealth(facts({ lastSuccess: null, lastRun: null })).headline).toBe('No backup yet.');
    expect(homeHealth(facts({ lastSuccess: null, lastRun: { at: minutesAgo(1), status: 'cancelled', message: 'Cancelled.' } })).headline).toBe(
      'No backup yet: the last one was cancelled 1 min ago.',
    );
  });
});

describe('icons', () => {
  it('maps Home’s tone to a status dot', () => {
    expect(toneIcon('ok')).toBe('ok');
    expect(toneIcon('running')).toBe('pending');
    expect(toneIcon('attention')).toBe('warning');
    expect(toneIcon('failed')).toBe('problem');
    expect(toneIcon('quiet')).toBeNull();
  });
});

describe('scheduleSentence', () => {
  it('writes the next run and a pause in the user’s locale, and keeps main’s sentence otherwise', () => {
    const dates = { locale: 'en-US', timeZone: 'UTC' };
    expect(scheduleSentence(allGood, dates)).toBe('Next backup Sun, Dec 6, 2:00 AM.');
    expect(scheduleSentence({ ...allGood, state: 'paused', nextRunAt: null, pausedUntil: '2026-12-05T11:00:00Z' }, dates)).toBe(
      'Automatic backups are paused until Dec 5, 2026, 11:00 AM.',
    );
    expect(scheduleSentence({ ...allGood, state: 'waiting-for-power', detail: 'A backup is due; it starts when the computer is plugged in.' }, dates)).toBe(
      'A backup is due; it starts when the computer is plugged in.',
    );
  });
});
