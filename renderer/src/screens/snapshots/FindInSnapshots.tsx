import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import type { PageRef } from '../../../../shared/ipc/history-schemas';
import { CallStatus } from '../../components/CallStatus';
import { Field } from '../../components/Field';
import { appShortcut, useWindowKeys } from '../../keyboard';
import { historyStrings } from '../../strings-history';
import { useMainQuery } from '../../use-main';
import { SearchResults } from './SearchResults';

const h = historyStrings.search;

/**
 * Search across every snapshot, by title and by text: what is gone from the newest backup comes
 * first, with where it was last seen; each match leads to its versions or to the snapshot.
 */
export function FindInSnapshots({ onVersions, onOpen }: { onVersions: (page: PageRef) => void; onOpen: (snapshotId: string, pageId: string) => void }) {
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
      {query !== '' && results.state === 'ready' && <SearchResults query={query} found={results.value} onVersions={onVersions} onOpen={onOpen} />}
    </section>
  );
}
