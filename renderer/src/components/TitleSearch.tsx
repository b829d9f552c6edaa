import { useId } from 'react';
import { strings } from '../strings';

/** The "search by title" field above a page tree. */
export function TitleSearch({ query, onChange }: { query: string; onChange: (query: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{strings.pages.searchLabel}</label>
      <input
        id={id}
        type="search"
        className="input"
        value={query}
        onChange={(event) => onChange(event.target.value)}
        placeholder={strings.pages.searchPlaceholder}
        autoComplete="off"
      />
    </div>
  );
}
