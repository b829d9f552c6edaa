import { formatDuration } from '../../shared/format-duration';
import type { BackupProgress } from '../../shared/jobs';

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
