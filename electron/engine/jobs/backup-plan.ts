import { createHash } from 'node:crypto';
import type { SnapshotListEntry } from '../plakar/parse';

/** Tags on every snapshot the app makes, so its own snapshots can be told apart (and only those pruned). */
export const APP_TAG = 'app=notion-plakar';
export const FULL_BACKUP_INTERVAL_DAYS = 7;

const TAG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,63}$/;

/** Identifies what is backed up: the workspace and the chosen roots (all, or a set of ids). */
export function sourceKey(workspaceId: string | null, roots: readonly string[]): string {
  const material = `${workspaceId ?? 'unknown-workspace'}|${[...roots].sort().join(',') || '*'}`;
  return createHash('sha256').update(material).digest('hex').slice(0, 16);
}

export function validateUserTag(tag: string): string | undefined {
  if (!TAG_PATTERN.test(tag)) {
    return `Invalid tag "${tag}": use 1 to 64 letters, digits and . _ : @ + - (no spaces, commas or "=").`;
  }
  return undefined;
}

export function backupTags(key: string, mode: 'full' | 'incremental', extra: readonly string[] = []): string[] {
  return [APP_TAG, `source=${key}`, `mode=${mode}`, ...extra];
}

/** The mode a snapshot's tags record (`mode=full|incremental`); null for snapshots of other tools. */
export function snapshotMode(tags: readonly string[]): 'full' | 'incremental' | null {
  const value = tags.find((tag) => tag.startsWith('mode='))?.slice('mode='.length);
  return value === 'full' || value === 'incremental' ? value : null;
}

export interface ModeDecision {
  mode: 'full' | 'incremental';
  basedOn: SnapshotListEntry | undefined;
  reason: string;
}

/**
 * Incremental when a previous snapshot of the same source exists, unless a full crawl was asked for
 * or the last full one is older than the interval (a full crawl catches what edit times miss).
 */
export function chooseMode(options: {
  requestedFull: boolean;
  /** Snapshots of this source, newest first. */
  previous: readonly SnapshotListEntry[];
  now: Date;
  fullEveryDays?: number;
}): ModeDecision {
  const latest = options.previous[0];
  if (options.requestedFull) return { mode: 'full', basedOn: undefined, reason: 'a full backup was requested' };
  if (!latest) return { mode: 'full', basedOn: undefined, reason: 'first backup of this source' };
  const lastFull = options.previous.find((entry) => entry.tags.includes('mode=full'));
  const interval = (options.fullEveryDays ?? FULL_BACKUP_INTERVAL_DAYS) * 86_400_000;
  if (!lastFull || options.now.getTime() - Date.parse(lastFull.time) >= interval) {
    return { mode: 'full', basedOn: undefined, reason: `the last full backup is older than ${options.fullEveryDays ?? FULL_BACKUP_INTERVAL_DAYS} days` };
  }
  return { mode: 'incremental', basedOn: latest, reason: 'unchanged pages are reused from the previous snapshot' };
}
