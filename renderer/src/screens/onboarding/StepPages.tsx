import { useCallback, useState } from 'react';
import { ProblemLine } from '../../components/CallStatus';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { PageTree } from '../../components/PageTree';
import { ScreenHeading } from '../../components/ScreenHeading';
import { withToggled } from '../../page-tree';
import { strings } from '../../strings';
import { useMainMutation, useMainQuery } from '../../use-main';
import type { StepProps } from './step-props';
import { WizardActions } from './WizardActions';

/** Step 4: everything the integration can see, or chosen pages and databases. */
export function StepPages({ state, onStateChange, onNext, onBack }: StepProps) {
  const list = useMainQuery('listNotionPages', undefined);
  const saving = useMainMutation('setBackupRoots');
  const [some, setSome] = useState(state.settings.roots.length > 0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(state.settings.roots));
  const [error, setError] = useState<string | null>(null);
  const items = list.state === 'ready' ? list.value.items : null;

  const onToggle = useCallback((id: string, checked: boolean) => {
    setError(null);
    setSelected((current) => withToggled(current, id, checked));
  }, []);

  async function save() {
    if (!items) return;
    const known = new Set(items.map((item) => item.id));
    const ids = some ? [...selected].filter((id) => known.has(id)) : [];
    if (some && ids.length === 0) {
      setError(strings.pages.noneSelected);
      return;
    }
    const answer = await saving.run({ ids });
    if (answer.state !== 'ready') {
      setError(answer.problem);
      return;
    }
    onStateChange(answer.value);
    onNext();
  }

  const empty = items !== null && items.length === 0;
  const busy = saving.state === 'loading';

  return (
    <>
      <ScreenHeading>{strings.pages.title}</ScreenHeading>
      <p className="lead">{strings.pages.lead}</p>
      {list.state === 'loading' && (
        <p role="status" className="card">
          {strings.pages.loading}
        </p>
      )}
      {list.state === 'problem' && (
        <div className="card problem-card" role="alert">
          <p className="problem-title">{strings.pages.problemTitle}</p>
          <p>{list.problem}</p>
          <button type="button" className="button button--secondary" onClick={list.refresh}>
            {strings.pages.checkAgain}
          </button>
        </div>
      )}
      {empty && (
        <div className="card problem-card" role="alert" data-testid="no-pages">
          <p className="problem-title">{strings.pages.emptyTitle}</p>
          <p>{strings.pages.emptyBody}</p>
          <button type="button" className="button button--secondary" onClick={list.refresh}>
            {strings.pages.checkAgain}
          </button>
        </div>
      )}
      {items && !empty && (
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
              hint={strings.pages.everythingHint(items.filter((item) => item.parentId === null).length)}
            />
            <ChoiceRadio name="roots-mode" checked={some} onChange={() => setSome(true)} label={strings.pages.some} />
          </fieldset>
          {some && (
            <>
              <PageTree items={items} selected={selected} onToggle={onToggle} />
              <p className="muted" aria-live="polite">
                {strings.pages.selectedCount(selected.size)}
              </p>
            </>
          )}
          <ProblemLine message={error} />
        </div>
      )}
      <WizardActions onBack={onBack} progress={busy ? strings.wizard.saving : null}>
        <button type="button" className="button" disabled={!items || empty || busy} onClick={() => void save()}>
          {strings.pages.save}
        </button>
      </WizardActions>
    </>
  );
}
