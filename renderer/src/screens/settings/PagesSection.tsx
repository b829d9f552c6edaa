import { useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import { CallStatus, ProblemLine } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { PageTree } from '../../components/PageTree';
import { withToggled } from '../../page-tree';
import { strings } from '../../strings';
import { useMainMutation, useMainQuery } from '../../use-main';
import { UnsavedNote, useUnsavedChanges } from './unsaved-changes';

const t = strings.settings;

/** What is backed up: everything the integration sees, or chosen pages (setBackupRoots). */
export function PagesSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const roots = state.settings.roots;
  const [editing, setEditing] = useState(false);
  return (
    <Card id="settings-pages" title={t.pagesTitle} testId="settings-pages">
      <p>{roots.length === 0 ? t.pagesEverything : t.pagesSome(roots.length)}</p>
      {editing ? (
        <PagesEditor
          initial={roots}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            onStateChange(next);
          }}
        />
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setEditing(true)} disabled={!state.hasNotionToken}>
          {t.changePages}
        </button>
      )}
    </Card>
  );
}

function PagesEditor({ initial, onCancel, onSaved }: { initial: readonly string[]; onCancel: () => void; onSaved: (state: AppState) => void }) {
  const pages = useMainQuery('listNotionPages', undefined);
  const saving = useMainMutation('setBackupRoots');
  const [mode, setMode] = useState<'all' | 'some'>(initial.length === 0 ? 'all' : 'some');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set(initial));
  const [noneSelected, setNoneSelected] = useState(false);
  const initialMode = initial.length === 0 ? 'all' : 'some';
  const dirty = mode !== initialMode || (mode === 'some' && (selected.size !== initial.length || initial.some((id) => !selected.has(id))));
  useUnsavedChanges('pages', dirty);

  async function save() {
    setNoneSelected(mode === 'some' && selected.size === 0);
    if (mode === 'some' && selected.size === 0) return;
    const answer = await saving.run({ ids: mode === 'all' ? [] : [...selected] });
    if (answer.state === 'ready') onSaved(answer.value);
  }

  const error = noneSelected ? strings.pages.noneSelected : saving.problem;
  if (pages.state !== 'ready') return <CallStatus call={pages} loading={strings.pages.loading} problemPrefix={`${strings.pages.problemTitle}:`} />;
  return (
    <div className="form">
      <fieldset className="choice-group">
        <legend>{strings.pages.modeLegend}</legend>
        <ChoiceRadio name="settings-pages-mode" checked={mode === 'all'} onChange={() => setMode('all')} label={strings.pages.everything} />
        <ChoiceRadio name="settings-pages-mode" checked={mode === 'some'} onChange={() => setMode('some')} label={strings.pages.some} />
      </fieldset>
      {mode === 'some' && (
        <PageTree
          items={pages.value.items}
          selected={selected}
          onToggle={(id, checked) => setSelected((current) => withToggled(current, id, checked))}
        />
      )}
      <ProblemLine message={error} />
      <div className="button-row">
        <button type="button" className="button" onClick={() => void save()} disabled={saving.state === 'loading'}>
          {saving.state === 'loading' ? t.saving : t.pagesSave}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t.cancel}
        </button>
        <UnsavedNote shown={dirty} />
      </div>
    </div>
  );
}
