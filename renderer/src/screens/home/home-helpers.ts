import type { ScheduleStatus } from '../../../../shared/schedule';
import { formatTimeAgo } from '../../../../shared/format-duration';
import type { Status } from '../../components/StatusIcon';
import type { DateOptions } from '../../format-date';
import { formatDateTime, formatUpcoming, formatWeekdayDateTime } from '../../format-date';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';

export type HomeTone = 'ok' | 'running' | 'attention' | 'failed' | 'quiet';

/** The one line Home leads with, and where to look next when there is something to see. */
export interface HomeHealth {
  tone: HomeTone;
  headline: string;
  link: 'snapshots' | 'logs' | null;
}

export interface HomeFacts {
  status: ScheduleStatus | null;
  /** A backup this window follows is running (or starting). */
  running: boolean;
  notionConnected: boolean;
  passphraseUnsaved: boolean;
  now: Date;
  dates?: DateOptions;
}

const line = (tone: HomeTone, headline: string, link: HomeHealth['link'] = null): HomeHealth => ({ tone, headline, link });

/**
 * One state for Home, the most important first: running, a setup that cannot back up, a failure, a mass
 * deletion, no success for too long, an unsaved passphrase, a backup waiting for Notion, warnings; else
 * "Protected" with when the last backup was and when the next one is.
 */
export function homeHealth({ status, running, notionConnected, passphraseUnsaved, now, dates }: HomeFacts): HomeHealth {
  const h = strings.home.health;
  if (running) return line('running', strings.home.running);
  if (!status) return line('quiet', h.checking);
  if (status.state === 'running') return line('running', status.detail);
  if (!notionConnected) return line('attention', h.notConnected);

  const { lastRun, lastSuccess, stale } = status;
  const ago = (iso: string) => formatTimeAgo(iso, now);
  const lastRunIsNewer = lastRun !== null && (!lastSuccess || Date.parse(lastRun.at) > Date.parse(lastSuccess.at));
  if (lastRunIsNewer && lastRun.status === 'failed') return line('failed', h.failed(ago(lastRun.at), lastRun.message), 'logs');
  if (status.health === 'failed') return line('failed', h.attention(status.detail));
  if (lastSuccess?.massDeletion) return line('attention', h.massDeletion, 'snapshots');
  if (stale) return line('attention', lastSuccess ? h.staleSince(stale.days) : h.staleNever(stale.days));
  if (passphraseUnsaved) return line('attention', h.passphrase);
  if (status.state === 'waiting-for-notion') return line('attention', h.waitingForNotion);
  if (!lastSuccess) return line('quiet', lastRunIsNewer && lastRun.status === 'cancelled' ? h.noBackupCancelled(ago(lastRun.at)) : h.noBackup);
  if (lastSuccess.warnings > 0) return line('attention', h.warnings(ago(lastSuccess.at), lastSuccess.warnings), 'logs');

  const parts = [h.protected, h.lastBackup(ago(lastSuccess.at))];
  if (status.pausedUntil) parts.push(h.pausedUntil(formatDateTime(status.pausedUntil, dates)));
  else if (status.nextRunAt) parts.push(h.next(formatUpcoming(status.nextRunAt, now, dates)));
  else if (status.plan.kind === 'manual') parts.push(h.manual);
  return line('ok', parts.join(' · '));
}

/** The status dot beside Home's line (none while nothing is known or nothing has happened yet). */
export function toneIcon(tone: HomeTone): Status | null {
  switch (tone) {
    case 'ok':
      return 'ok';
    case 'running':
      return 'pending';
    case 'attention':
      return 'warning';
    case 'failed':
      return 'problem';
    case 'quiet':
      return null;
  }
}

/**
 * Main's sentence for what the scheduler does, with the dates of the usual states (scheduled, paused)
 * written in the user's locale; the rarer states keep main's own sentence.
 */
export function scheduleSentence(status: ScheduleStatus, dates?: DateOptions): string {
  const h = scheduleStrings.home;
  if (status.state === 'scheduled' && status.nextRunAt) return h.scheduled(formatWeekdayDateTime(status.nextRunAt, dates));
  if (status.state === 'paused' && status.pausedUntil) return h.pausedUntil(formatDateTime(status.pausedUntil, dates));
  return status.detail;
}
