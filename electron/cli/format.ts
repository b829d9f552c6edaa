import { formatDuration } from '../../shared/format-duration';
import type { BackupProgress } from '../../shared/jobs';
import type { UnreachableEntry } from '../engine/snapshot/format';

export { formatDuration };

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

const PHASES: Record<BackupProgress['phase'], string> = {
  connecting: 'connecting to Notion',
  'checking-store': 'opening the store',
  'restoring-previous': 'reading the previous snapshot',
  crawling: 'reading Notion',
  storing: 'writing the snapshot',
  finished: 'done',
};

export function formatProgressLine(progress: BackupProgress): string {
  if (progress.phase !== 'crawling') return `${PHASES[progress.phase]}…`;
  const known = progress.pages.known ? `/${progress.pages.known}` : '';
  const eta = progress.etaMs !== null ? `, about ${formatDuration(progress.etaMs)} left` : '';
  const waits = progress.rateLimitWaitMs > 0 ? `, ${formatDuration(progress.rateLimitWaitMs)} waiting on rate limits` : '';
  return (
    `reading Notion: ${progress.pages.done}${known} pages, ${progress.blocks} blocks, ${progress.files} files ` +
    `(${formatBytes(progress.bytes)}), ${progress.apiCalls} requests${waits}${eta}`
  );
}

/** "1 item", "3 items". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/**
 * What the backup could not read, for humans: the first few by kind, id and reason, then how many
 * more and where the full list is.
 */
export function describeUnreachable(entries: UnreachableEntry[], shown = 3): string[] {
  if (entries.length === 0) return [];
  const lines = [`${plural(entries.length, 'item')} could not be read:`];
  for (const entry of entries.slice(0, shown)) {
    const from = entry.referencedFrom ? ` (referenced from ${entry.referencedFrom})` : '';
    lines.push(`  ${entry.object.replace('_', ' ')} ${entry.id}${from}: ${entry.reason}`);
  }
  if (entries.length > shown) lines.push(`  and ${entries.length - shown} more`);
  lines.push(`  ${entries.length > shown ? 'All of them are' : 'They are'} listed in \`backup --json\` (unreachable) and in the snapshot's manifest.json.`);
  return lines;
}
