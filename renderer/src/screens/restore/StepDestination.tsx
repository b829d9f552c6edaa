import { useId } from 'react';
import { ChoiceRadio } from '../../components/ChoiceRadio';
import { ChooseFolderButton } from '../../components/ChooseFolderButton';
import { describedBy, FieldError } from '../../components/Field';
import { strings } from '../../strings';
import type { DestinationDraft } from './restore-helpers';
import { useNotionPages } from './useNotionPages';

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

function NotionTarget({
  draft,
  onChange,
  problem,
}: {
  draft: Extract<DestinationDraft, { kind: 'notion' }>;
  onChange: (draft: DestinationDraft) => void;
  problem: DestinationProblem | null;
}) {
  const pages = useNotionPages();
  const pickId = useId();
  const pickHelpId = useId();
  const pasteId = useId();
  const pasteHelpId = useId();
  const errorId = useId();
  const error = problem === 'target-required' || problem === 'target-invalid' ? PROBLEMS[problem] : null;
  return (
    <fieldset className="choice-group">
      <legend>{r.targetLegend}</legend>
      {pages.phase === 'loading' && (
        <p className="muted" role="status">
          {r.targetLoading}
        </p>
      )}
      {pages.phase === 'problem' && (
        <p className="field-error" role="alert">
          {r.targetProblem} {pages.message}
        </p>
      )}
      {pages.phase === 'ok' && (
        <div className="field">
          <label htmlFor={pickId}>{r.targetPick}</label>
          <select
            id={pickId}
            className="input"
            value={draft.pickedId}
            aria-describedby={pickHelpId}
            onChange={(event) => onChange({ ...draft, pickedId: event.target.value, pickedTitle: event.target.selectedOptions[0]?.text ?? '' })}
          >
            <option value="">{r.targetNone}</option>
            {pages.items
              .filter((item) => item.object === 'page')
              .map((item) => (
                <option key={item.id} value={item.id}>
                  {item.emoji ? `${item.emoji} ` : ''}
                  {item.title.trim() || strings.snapshots.untitled}
                </option>
              ))}
          </select>
          <p id={pickHelpId} className="field-help">
            {r.targetPickHint}
          </p>
        </div>
      )}
      <div className="field">
        <label htmlFor={pasteId}>{r.targetPaste}</label>
        <input
          id={pasteId}
          className="input input--mono"
          value={draft.pasted}
          onChange={(event) => onChange({ ...draft, pasted: event.target.value })}
          placeholder="https://www.notion.so/…"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={problem === 'target-invalid'}
          aria-describedby={describedBy(pasteHelpId, errorId, error)}
        />
        <p id={pasteHelpId} className="field-help">
          {r.targetPasteHint}
        </p>
        <FieldError id={errorId} message={error} />
      </div>
    </fieldset>
  );
}

function FolderTarget({
  draft,
  onChange,
  problem,
}: {
  draft: Extract<DestinationDraft, { kind: 'folder' }>;
  onChange: (draft: DestinationDraft) => void;
  problem: DestinationProblem | null;
}) {
  const dirId = useId();
  const helpId = useId();
  const errorId = useId();
  const mergeId = useId();
  const mergeHintId = useId();
  const error = problem === 'folder-required' ? PROBLEMS[problem] : null;
  return (
    <>
      <div className="field">
        <label htmlFor={dirId}>{r.folderLabel}</label>
        <div className="input-row">
          <input
            id={dirId}
            className="input input--mono"
            value={draft.dir}
            onChange={(event) => onChange({ ...draft, dir: event.target.value })}
            placeholder={r.folderPlaceholder}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== null}
            aria-describedby={describedBy(helpId, errorId, error)}
          />
          <ChooseFolderButton purpose="export" label={strings.folders.chooseExport} onChosen={(dir) => onChange({ ...draft, dir })} />
        </div>
        <p id={helpId} className="field-help">
          {r.folderHelp}
        </p>
        <FieldError id={errorId} message={error} />
      </div>
      <fieldset className="choice-group">
        <legend>{r.formatLegend}</legend>
        {FORMATS.map((format) => (
          <ChoiceRadio
            key={format}
            name="restore-format"
            checked={draft.format === format}
            onChange={() => onChange({ ...draft, format })}
            label={r.formats[format]}
            hint={r.formatHints[format]}
          />
        ))}
      </fieldset>
      <div className="check-row">
        <input
          id={mergeId}
          type="checkbox"
          checked={draft.merge}
          aria-describedby={mergeHintId}
          onChange={(event) => onChange({ ...draft, merge: event.target.checked })}
        />
        <span>
          <label htmlFor={mergeId}>{r.merge}</label>
          <span id={mergeHintId} className="choice__hint">
            {r.mergeHint}
          </span>
        </span>
      </div>
    </>
  );
}
