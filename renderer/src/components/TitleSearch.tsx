import { strings } from '../strings';
import { Field } from './Field';

/** The "search by title" field above a page tree. */
export function TitleSearch({ query, onChange }: { query: string; onChange: (query: string) => void }) {
  return (
    <Field label={strings.pages.searchLabel}>
      {(control) => (
        <input
          {...control}
          type="search"
          className="input"
          value={query}
          onChange={(event) => onChange(event.target.value)}
          placeholder={strings.pages.searchPlaceholder}
          autoComplete="off"
        />
      )}
    </Field>
  );
}
