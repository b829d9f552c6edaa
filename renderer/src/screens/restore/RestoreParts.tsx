import type { RestoreLoss } from '../../../../shared/restore-losses';
import { strings } from '../../strings';
import { groupWarnings } from './restore-helpers';
import type { RestoreCounts } from './useRestoreJob';

const r = strings.restore;
const KEYS = ['pages', 'databases', 'rows', 'blocks', 'files', 'comments', 'views'] as const;

/** Pages, databases, rows… created (or, for a dry run, to be created). */
export function CreatedCounts({ counts, testId }: { counts: RestoreCounts; testId?: string }) {
  return (
    <dl className="stats" data-testid={testId}>
      {KEYS.map((key) => (
        <div key={key} className="stats__item">
          <dt>{r.counts[key]}</dt>
          <dd>{counts[key].toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What cannot be restored, grouped by what it concerns; each group can be opened. */
export function GroupedWarnings({ warnings, losses = [], title }: { warnings: readonly string[]; losses?: readonly RestoreLoss[]; title: string }) {
  const groups = groupWarnings(warnings, losses);
  if (groups.length === 0) return null;
  return (
    <section className="warning-card card" aria-label={title} data-testid="restore-warnings">
      <h3 className="card__title">{title}</h3>
      {groups.map((group) => (
        <details key={group.key} className="warnings-details">
          <summary>
            {r.warningGroups[group.key] ?? group.key} ({group.items.length.toLocaleString()})
          </summary>
          <ul>
            {group.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </details>
      ))}
    </section>
  );
}
