import type { BackupChanges } from './ipc/app-schemas';
import { plural } from './plural';

/** "2 added, 1 removed, 5 edited since the previous snapshot"; "nothing changed since …" when so. */
export function changesSummary(changes: Pick<BackupChanges, 'added' | 'removed' | 'edited'>): string {
  const parts = [
    changes.added > 0 ? `${changes.added.toLocaleString('en-US')} added` : '',
    changes.removed > 0 ? `${changes.removed.toLocaleString('en-US')} removed` : '',
    changes.edited > 0 ? `${changes.edited.toLocaleString('en-US')} edited` : '',
  ].filter(Boolean);
  return parts.length === 0 ? 'nothing changed since the previous snapshot' : `${parts.join(', ')} since the previous snapshot`;
}

/** What the mass-deletion alert says (notification, CLI, Logs), naming the first pages that went. */
export function massDeletionMessage(changes: Pick<BackupChanges, 'removed' | 'removedTitles'>): string {
  const named = changes.removedTitles.map((title) => `“${title || 'Untitled'}”`);
  const others = changes.removed - named.length;
  const list = others > 0 ? `${named.join(', ')} and ${plural(others, 'other', 'others')}` : named.join(', ').replace(/, ([^,]*)$/, ' and $1');
  return (
    `${plural(changes.removed, 'page or database', 'pages and databases')} disappeared from Notion since the previous backup` +
    `${named.length > 0 ? `: ${list}` : ''}. If that was not on purpose, the previous snapshot still has them: find them in Snapshots and restore them.`
  );
}
