import { CallStatus } from '../../components/CallStatus';
import { CheckRow } from '../../components/CheckRow';
import { ChoiceGroup, ChoiceRadio } from '../../components/ChoiceRadio';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { Field } from '../../components/Field';
import { strings } from '../../strings';
import { useMainQuery } from '../../use-main';
import type { DestinationDraft } from './restore-helpers';

const r = strings.restore;
const FORMATS = ['markdown', 'html', 'json'] as const;

export type DestinationProblem = 'target-required' | 'target-invalid' | 'folder-required';

const PROBLEMS: Record<DestinationProblem, string> = {
  'target-required': r.targetRequired,
  'target-invalid': r.targetInvalid,
  'folder-required': r.folderRequired,
};

/** Step 3: under a Notion page (listed, or a pasted link), or into a folder in a chosen format. */
export function StepDestination({
  draft,
  onChange,
  problem,
}: {
  draft: DestinationDraft;
  onChange: (draft: DestinationDraft) => void;
  problem: DestinationProblem | null;
}) {
  const notion = draft.kind === 'notion' ? draft : { kind: 'notion' as const, pickedId: '', pasted: '' };
  const folder = draft.kind === 'folder' ? draft : { kind: 'folder' as const, dir: '', format: 'markdown' as const, merge: false };
  return (
    <div className="form">
      <fieldset className="choice-group">
        <legend>{r.whereLegend}</legend>
        <ChoiceRadio name="restore-where" checked={draft.kind === 'notion'} onChange={() => onChange(notion)} label={r.toNotion} hint={r.toNotionHint} />
        <ChoiceRadio name="restore-where" checked={draft.kind === 'folder'} onChange={() => onChange(folder)} label={r.toFolder} hint={r.toFolderHint} />
      </fieldset>
      {draft.kind === 'notion' ? (
        <NotionTarget draft={draft} onChange={onChange} problem={problem} />
      ) : (
        <FolderTarget draft={draft} onChange={onChange} problem={problem} />
      )}
    </div>
  );
}

/** What one kind of destination's fields get: its draft, the way to change it, the step's problem. */
interface TargetProps<K extends DestinationDraft['kind']> {
  draft: Extract<DestinationDraft, { kind: K }>;
  onChange: (draft: DestinationDraft) => void;
  problem: DestinationProblem | null;
}

function NotionTarget({ draft, onChange, problem }: TargetProps<'notion'>) {
  const pages = useMainQuery('listNotionPages', undefined);
  const error = problem === 'target-required' || problem === 'target-invalid' ? PROBLEMS[problem] : null;
  return (
    <fieldset className="choice-group">
      <legend>{r.targetLegend}</legend>
      <CallStatus call={pages} loading={r.targetLoading} problemPrefix={r.targetProblem} />
      {pages.state === 'ready' && (
        <Field label={r.targetPick} hint={r.targetPickHint}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.pickedId}
              onChange={(event) => onChange({ ...draft, pickedId: event.target.value, pickedTitle: event.target.selectedOptions[0]?.text ?? '' })}
            >
              <option value="">{r.targetNone}</option>
              {pages.value.items
                .filter((item) => item.object === 'page')
                .map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.emoji ? `${item.emoji} ` : ''}
                    {item.title.trim() || strings.snapshots.untitled}
                  </option>
                ))}
            </select>
          )}
        </Field>
      )}
      <Field label={r.targetPaste} hint={r.targetPasteHint} error={error}>
        {(control) => (
          <input
            {...control}
            className="input input--mono"
            value={draft.pasted}
            onChange={(event) => onChange({ ...draft, pasted: event.target.value })}
            placeholder="https://www.notion.so/…"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
    </fieldset>
  );
}

function FolderTarget({ draft, onChange, problem }: TargetProps<'folder'>) {
  const error = problem === 'folder-required' ? PROBLEMS[problem] : null;
  return (
    <>
      <Field label={r.folderLabel} hint={r.folderHelp} error={error}>
        {(control) => (
          <div className="input-row">
            <input
              {...control}
              className="input input--mono"
              value={draft.dir}
              onChange={(event) => onChange({ ...draft, dir: event.target.value })}
              placeholder={r.folderPlaceholder}
              autoComplete="off"
              spellCheck={false}
            />
            <ChooseFolderButton purpose="export" label={strings.folders.chooseExport} onChosen={(dir) => onChange({ ...draft, dir })} />
          </div>
        )}
      </Field>
      <ChoiceGroup
        legend={r.formatLegend}
        name="restore-format"
        options={FORMATS}
        value={draft.format}
        onChange={(format) => onChange({ ...draft, format })}
        labels={r.formats}
        hints={r.formatHints}
      />
      <CheckRow checked={draft.merge} onChange={(merge) => onChange({ ...draft, merge })} label={r.merge} hint={r.mergeHint} />
    </>
  );
}
