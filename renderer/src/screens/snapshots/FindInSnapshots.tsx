import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { CallStatus, StatusLine } from '../../components/CallStatus';
import { Field } from '../../components/Field';
import { formatDateTime } from '../../format-date';
import { appShortcut, useWindowKeys } from '../../keyboard';
import { strings } from '../../strings';
import { historyStrings } from '../../strings-history';
import { useMainQuery } from '../../use-main';

const h = historyStrings.search;

/**
 * Search by title across every snapshot: a page deleted since the newest backup comes first, with
 * the date it was last seen; each match leads to its versions.
 */
export function FindInSnapshots({ onVersions }: { onVersions: (page: PageRef) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const results = useMainQuery('searchSnapshots', { query }, { enabled: query !== '' });
  const field = useRef<HTMLInputElement>(null);
  // "/" or Ctrl/⌘+F on the Snapshots screen: straight to this field.
  useWindowKeys((event) => {
    if (appShortcut(event) !== 'find' || !field.current) return false;
    field.current.focus();
    field.current.select();
    return true;
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };

  return (
    <section className="card find" aria-labelledby="find-title" data-testid="find-in-snapshots">
      <h2 id="find-title" className="card__title">
        {h.title}
      </h2>
      <form className="input-row" onSubmit={submit} role="search">
        <Field label={h.label}>
          {(control) => (
            <input
              {...control}
              ref={field}
              type="search"
              className="input"
              value={text}
              onChange={(event) => {
                setText(event.target.value);
                if (event.target.value === '') setQuery('');
              }}
              placeholder={h.placeholder}
              autoComplete="off"
              maxLength={200}
            />
          )}
        </Field>
        <button type="submit" className="button button--secondary" disabled={text.trim() === ''}>
          {h.submit}
        </button>
      </form>
      {query !== '' && <CallStatus call={results} loading={h.searching} problemPrefix={h.problem} />}
      {query !== '' && results.state === 'ready' && (
        <>
          {results.value.matches.length === 0 ? (
            <StatusLine>{h.none(query)}</StatusLine>
          ) : (
            <StatusLine>{h.results(results.value.matches.length, results.value.snapshots)}</StatusLine>
          )}
          <ul className="find__results">
            {results.value.matches.map((match) => (
              <li key={match.id} className={`find__result${match.inLatest ? '' : ' find__result--gone'}`}>
                <div>
                  <p className="find__title">
                    {match.emoji && <span aria-hidden="true">{match.emoji} </span>}
                    {match.title.trim() || strings.snapshots.untitled}
                  </p>
                  <p className="muted find__where">
                    {match.inLatest ? h.present : h.gone(formatDateTime(match.lastSeen.time))} · {h.inSnapshots(match.snapshots)}
                  </p>
                </div>
                <button type="button" className="button button--secondary" onClick={() => onVersions(match)} aria-label={h.versionsLabel(match.title || strings.snapshots.untitled)}>
                  {h.versions}
                </button>
              </li>
            ))}
          </ul>
          {results.value.truncated && <p className="note">{h.truncated}</p>}
        </>
      )}
    </section>
  );
}
