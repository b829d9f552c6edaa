import { useCallback, useEffect, useState } from 'react';
import { getBackupApp } from '../../bridge';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { PageTree } from '../../components/PageTree';
import { ScreenHeading } from '../../components/ScreenHeading';
import type { PickableItem } from '../../page-tree';
import { strings } from '../../strings';
import type { StepProps } from './step-props';

type ListState = { phase: 'loading' } | { phase: 'ok'; items: PickableItem[] } | { phase: 'problem'; message: string };

/** Step 4: everything the integration can see, or chosen pages and databases. */
export function StepPages({ state, onStateChange, onNext, onBack }: StepProps) {
  const [list, setList] = useState<ListState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [some, setSome] = useState(state.settings.roots.length > 0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(state.settings.roots));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void getBackupApp()
      .listNotionPages()
      .then((result) => {
        if (cancelled) return;
        if (!result.ok) setList({ phase: 'problem', message: result.error.message });
        else if (result.value.status === 'problem') setList({ phase: 'problem', message: result.value.message });
        else setList({ phase: 'ok', items: result.value.items });
      });
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  const checkAgain = () => {
    setList({ phase: 'loading' });
    setAttempt((count) => count + 1);
  };

  const onToggle = useCallback((id: string, checked: boolean) => {
    setError(null);
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  async function save() {
    if (list.phase !== 'ok') return;
    const known = new Set(list.items.map((item) => item.id));
    const ids = some ? [...selected].filter((id) => known.has(id)) : [];
    if (some && ids.length === 0) {
      setError(strings.pages.noneSelected);
      return;
    }
    setBusy(true);
    const result = await getBackupApp().setBackupRoots({ ids });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    onStateChange(result.value);
    onNext();
  }

  const empty = list.phase === 'ok' && list.items.length === 0;

  return (
    <>
      <ScreenHeading>{strings.pages.title}</ScreenHeading>
      <p className="lead">{strings.pages.lead}</p>
      {list.phase === 'loading' && (
        <p role="status" className="card">
          {strings.pages.loading}
        </p>
      )}
      {list.phase === 'problem' && (
        <div className="card problem-card" role="alert">
          <p className="problem-title">{strings.pages.problemTitle}</p>
          <p>{list.message}</p>
          <button type="button" className="button button--secondary" onClick={checkAgain}>
            {strings.pages.checkAgain}
          </button>
        </div>
      )}
      {empty && (
        <div className="card problem-card" role="alert" data-testid="no-pages">
          <p className="problem-title">{strings.pages.emptyTitle}</p>
          <p>{strings.pages.emptyBody}</p>
          <button type="button" className="button button--secondary" onClick={checkAgain}>
            {strings.pages.checkAgain}
          </button>
        </div>
      )}
      {list.phase === 'ok' && !empty && (
        <div className="card form">
          <fieldset className="choice-group">
            <legend>{strings.pages.modeLegend}</legend>
            <ChoiceRadio
              name="roots-mode"
              checked={!some}
              onChange={() => {
                setSome(false);
                setError(null);
              }}
              label={strings.pages.everything}
              hint={strings.pages.everythingHint(list.items.filter((item) => item.parentId === null).length)}
            />
            <ChoiceRadio name="roots-mode" checked={some} onChange={() => setSome(true)} label={strings.pages.some} />
          </fieldset>
          {some && (
            <>
              <PageTree items={list.items} selected={selected} onToggle={onToggle} />
              <p className="muted" aria-live="polite">
                {strings.pages.selectedCount(selected.size)}
              </p>
            </>
          )}
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
      <div className="wizard__actions">
        <button type="button" className="button button--ghost" onClick={onBack}>
          {strings.wizard.back}
        </button>
        <span className="button-row">
          {busy && (
            <span role="status" className="muted">
              {strings.wizard.saving}
            </span>
          )}
          <button type="button" className="button" disabled={list.phase !== 'ok' || empty || busy} onClick={() => void save()}>
            {strings.pages.save}
          </button>
        </span>
      </div>
    </>
  );
}
