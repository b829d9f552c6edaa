import type { ResultOf } from '../../../../shared/ipc/contract';
import type { PageRef, TextMatch, TitleMatch } from '../../../../shared/ipc/history-schemas';
import { StatusLine } from '../../components/CallStatus';
import { formatDateTime } from '../../format-date';
import { strings } from '../../strings';
import { historyStrings } from '../../strings-history';

const h = historyStrings.search;
type Found = Extract<ResultOf<'searchSnapshots'>, { status: 'ok' }>;

/** What a search across snapshots found: pages by title, then pages by their text. */
export function SearchResults({
  query,
  found,
  onVersions,
  onOpen,
}: {
  query: string;
  found: Found;
  onVersions: (page: PageRef) => void;
  /** Opens a snapshot on a page. */
  onOpen: (snapshotId: string, pageId: string) => void;
}) {
  const { matches, text } = found;
  if (matches.length === 0 && text.matches.length === 0) {
    return (
      <>
        <StatusLine>{h.none(query)}</StatusLine>
        {text.notIndexed > 0 && <p className="muted">{h.notIndexed(text.notIndexed)}</p>}
      </>
    );
  }
  return (
    <>
      <StatusLine>{h.results(matches.length + text.matches.length, found.snapshots)}</StatusLine>
      {matches.length > 0 && (
        <section aria-labelledby="find-titles">
          <h3 id="find-titles" className="find__section">
            {h.titlesTitle}
          </h3>
          <ul className="find__results">
            {matches.map((match) => (
              <TitleResult key={match.id} match={match} onVersions={onVersions} />
            ))}
          </ul>
          {found.truncated && <p className="note">{h.truncated}</p>}
        </section>
      )}
      {text.matches.length > 0 && (
        <section aria-labelledby="find-text">
          <h3 id="find-text" className="find__section">
            {h.textTitle}
          </h3>
          <ul className="find__results" data-testid="text-matches">
            {text.matches.map((match) => (
              <TextResult key={match.id} match={match} onVersions={onVersions} onOpen={onOpen} />
            ))}
          </ul>
          {text.truncated && <p className="note">{h.truncated}</p>}
        </section>
      )}
      {text.notIndexed > 0 && <p className="muted">{h.notIndexed(text.notIndexed)}</p>}
    </>
  );
}

function PageTitle({ page }: { page: PageRef }) {
  return (
    <p className="find__title">
      {page.emoji && <span aria-hidden="true">{page.emoji} </span>}
      {page.title.trim() || strings.snapshots.untitled}
    </p>
  );
}

function TitleResult({ match, onVersions }: { match: TitleMatch; onVersions: (page: PageRef) => void }) {
  return (
    <li className={`find__result${match.inLatest ? '' : ' find__result--gone'}`}>
      <div>
        <PageTitle page={match} />
        <p className="muted find__where">
          {match.inLatest ? h.present : h.gone(formatDateTime(match.lastSeen.time))} · {h.inSnapshots(match.snapshots)}
        </p>
      </div>
      <button type="button" className="button button--secondary" onClick={() => onVersions(match)} aria-label={h.versionsLabel(match.title || strings.snapshots.untitled)}>
        {h.versions}
      </button>
    </li>
  );
}

function TextResult({ match, onVersions, onOpen }: { match: TextMatch; onVersions: (page: PageRef) => void; onOpen: (snapshotId: string, pageId: string) => void }) {
  const newest = match.snapshots[0];
  const title = match.title || strings.snapshots.untitled;
  return (
    <li className={`find__result${match.textInLatest ? '' : ' find__result--gone'}`}>
      <div>
        <PageTitle page={match} />
        <blockquote className="find__snippet">{match.snippet}</blockquote>
        <p className="muted find__where">
          {match.textInLatest ? h.textPresent : h.textGone(newest ? formatDateTime(newest.time) : '')} · {h.inSnapshots(match.snapshots.length)}
        </p>
      </div>
      <div className="versions__actions">
        {newest && (
          <button type="button" className="button button--secondary" onClick={() => onOpen(newest.snapshotId, match.id)} aria-label={h.openTextLabel(title)}>
            {h.openText}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => onVersions(match)} aria-label={h.versionsLabel(title)}>
          {h.versions}
        </button>
      </div>
    </li>
  );
}
