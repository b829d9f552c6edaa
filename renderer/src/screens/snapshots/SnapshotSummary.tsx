import { formatDateTime } from '../../format-date';
import { strings } from '../../strings';
import { orderedCounts } from './snapshot-helpers';
import type { ManifestSummary } from './summary-line';
import { summaryLine, summaryProblems } from './summary-line';

const s = strings.snapshots;

/**
 * What the snapshot holds, as one line that opens on the manifest's counts and what could not be backed
 * up: the tree and the preview below are the main content.
 */
export function SnapshotSummary({ summary }: { summary: ManifestSummary | null }) {
  if (!summary) return <p className="muted snapshot-stats">{s.noSummary}</p>;
  const problems = summaryProblems(summary);
  return (
    <details className="snapshot-stats" data-testid="snapshot-summary">
      <summary>
        <span className="snapshot-stats__title">{s.summaryTitle}:</span> {summaryLine(summary)}
      </summary>
      <p className="muted">
        {strings.home.mode[summary.mode]} · {s.startedAt(formatDateTime(summary.startedAt))}
        {summary.notionApiVersion && <> · {s.notionApiVersion(summary.notionApiVersion)}</>}
      </p>
      <dl className="stats">
        {orderedCounts(summary.counts).map(([key, value]) => (
          <div key={key} className="stats__item">
            <dt>{s.counts[key] ?? key}</dt>
            <dd>{key === 'fileBytes' ? strings.format.bytes(value) : value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {problems.length > 0 && (
        <div className="live-warnings" data-testid="snapshot-warnings">
          <ul>
            {problems.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
