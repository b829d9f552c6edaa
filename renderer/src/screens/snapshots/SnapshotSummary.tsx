import { Card } from '../../components/Card';
import { strings } from '../../strings';
import { orderedCounts } from './snapshot-helpers';
import { formatDateTime } from '../../format-date';

const s = strings.snapshots;

export interface ManifestSummary {
  mode: 'full' | 'incremental';
  startedAt: string;
  counts: Record<string, number>;
  unreachable: number;
  unsupportedBlocks: number;
  failedFiles: number;
  warnings: string[];
}

const SHOWN_WARNINGS = 5;

/** The manifest's counts, and what could not be backed up as warnings. */
export function SnapshotSummary({ summary }: { summary: ManifestSummary | null }) {
  if (!summary) {
    return (
      <Card id="snapshot-summary" title={s.summaryTitle}>
        <p className="muted">{s.noSummary}</p>
      </Card>
    );
  }
  const problems = [
    summary.unreachable > 0 ? s.unreachable(summary.unreachable) : null,
    summary.unsupportedBlocks > 0 ? s.unsupportedBlocks(summary.unsupportedBlocks) : null,
    summary.failedFiles > 0 ? s.failedFiles(summary.failedFiles) : null,
  ].filter((line): line is string => line !== null);
  const first = summary.warnings.slice(0, SHOWN_WARNINGS);
  const rest = summary.warnings.slice(SHOWN_WARNINGS);
  return (
    <Card id="snapshot-summary" title={s.summaryTitle} testId="snapshot-summary">
      <p className="muted">
        {strings.home.mode[summary.mode]} · {s.startedAt(formatDateTime(summary.startedAt))}
      </p>
      <dl className="stats">
        {orderedCounts(summary.counts).map(([key, value]) => (
          <div key={key} className="stats__item">
            <dt>{s.counts[key] ?? key}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {(problems.length > 0 || first.length > 0) && (
        <div className="live-warnings" data-testid="snapshot-warnings">
          <ul>
            {problems.map((line) => (
              <li key={line}>{line}</li>
            ))}
            {first.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {rest.length > 0 && (
            <details className="warnings-details">
              <summary>{s.moreWarnings(rest.length)}</summary>
              <ul>
                {rest.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </Card>
  );
}
