import type { FormEvent } from 'react';
import { useCallback, useState } from 'react';
import type { AppState } from '../../../../shared/ipc/app-schemas';
import type { RetentionPolicy } from '../../../../shared/schedule';
import { CallStatus, SaveResult } from '../../components/CallStatus';
import { Card } from '../../components/Card';
import { CheckRow } from '../../components/CheckRow';
import { Field } from '../../components/Field';
import { strings } from '../../strings';
import { scheduleStrings } from '../../strings-schedule';
import { callMain, useMainMutation } from '../../use-main';
import type { PolicyDraft, PolicyField } from './retention-helpers';
import { draftFromPolicy, POLICY_FIELDS, policyFromDraft } from './retention-helpers';
import { RetentionPreviewView } from './RetentionPreview';
import { UnsavedNote, useUnsavedChanges } from './unsaved-changes';
import { useRetentionJob } from './useRetentionJob';

const t = scheduleStrings.retention;

const FIELD_TEXT: Record<PolicyField, { label: string; help: string; min: number }> = {
  last: { label: t.last, help: t.lastHelp, min: 1 },
  daily: { label: t.daily, help: t.dailyHelp, min: 0 },
  weekly: { label: t.weekly, help: t.weeklyHelp, min: 0 },
  monthly: { label: t.monthly, help: t.monthlyHelp, min: 0 },
};

/**
 * Settings → Retention: how many snapshots to keep, whether to apply it after each backup, and a
 * preview of what it would remove, with a confirmed "Remove" of exactly the previewed snapshots.
 */
export function RetentionSection({ state, onStateChange }: { state: AppState; onStateChange: (state: AppState) => void }) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftFromPolicy(state.settings.retention));
  const [automatic, setAutomatic] = useState(state.settings.retention.automatic);
  const [errors, setErrors] = useState<Partial<Record<PolicyField, string>>>({});
  const [saveStatus, setSaveStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const preview = useMainMutation('previewRetention');
  const [previewed, setPreviewed] = useState<RetentionPolicy | null>(null);
  const runPreview = preview.run;
  const saved = state.settings.retention;
  const savedDraft = draftFromPolicy(saved);
  const dirty = automatic !== saved.automatic || POLICY_FIELDS.some((field) => draft[field].trim() !== savedDraft[field]);
  useUnsavedChanges('retention', dirty);

  const loadPreview = useCallback(
    (policy: RetentionPolicy) => {
      setPreviewed(policy);
      void runPreview({ policy });
    },
    [runPreview],
  );

  const removal = useRetentionJob(
    useCallback(() => {
      // Show what is left after the removal, for the policy that was applied.
      if (preview.state === 'ready' && previewed) loadPreview(previewed);
    }, [preview.state, previewed, loadPreview]),
  );

  /** The policy in the fields, or null after showing what is wrong. */
  function validated(): RetentionPolicy | null {
    const parsed = policyFromDraft(draft);
    setErrors(parsed.errors ?? {});
    return parsed.policy;
  }

  function edit(field: PolicyField, value: string) {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setSaveStatus(null);
    // A preview of another policy must not be applied: the user previews again.
    if (preview.state === 'ready' || preview.state === 'problem') preview.reset();
    removal.reset();
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const policy = validated();
    if (!policy) {
      setSaveStatus({ ok: false, text: scheduleStrings.schedule.fixErrors });
      return;
    }
    const answer = await callMain('updateRetention', { ...policy, automatic });
    if (answer.state === 'ready') onStateChange(answer.value);
    setSaveStatus(answer.state === 'ready' ? { ok: true, text: strings.settings.saved } : { ok: false, text: answer.problem ?? '' });
  }

  function previewNow() {
    const policy = validated();
    removal.reset();
    if (policy) loadPreview(policy);
  }

  return (
    <Card id="settings-retention" title={t.title} testId="settings-retention">
      <p className="muted">{t.lead}</p>
      <form className="form" onSubmit={(event) => void save(event)} aria-label={t.title} noValidate>
        <div className="policy-grid">
          {POLICY_FIELDS.map((field) => (
            <PolicyInput key={field} field={field} value={draft[field]} error={errors[field]} onChange={(value) => edit(field, value)} />
          ))}
        </div>
        <CheckRow
          checked={automatic}
          onChange={(value) => {
            setAutomatic(value);
            setSaveStatus(null);
          }}
          label={t.automatic}
          hint={t.automaticHelp}
        />
        <div className="button-row">
          <button type="submit" className="button">
            {t.save}
          </button>
          <button type="button" className="button button--secondary" onClick={previewNow} disabled={preview.state === 'loading' || removal.state.phase === 'running'}>
            {t.preview}
          </button>
          <UnsavedNote shown={dirty} />
          <SaveResult result={saveStatus} testId="retention-save-status" />
        </div>
      </form>
      <CallStatus call={preview} loading={t.previewing} />
      {preview.state === 'ready' && previewed && (
        <RetentionPreviewView
          preview={preview.value}
          removal={removal.state}
          onRemove={() => void removal.start(previewed, preview.value.remove.map((snapshot) => snapshot.id))}
        />
      )}
      {preview.state !== 'ready' && removal.state.phase === 'done' && (
        <p role="status" className={removal.state.ok ? 'ok-text' : 'field-error'}>
          {removal.state.text}
        </p>
      )}
    </Card>
  );
}

function PolicyInput({ field, value, error, onChange }: { field: PolicyField; value: string; error?: string; onChange: (value: string) => void }) {
  const text = FIELD_TEXT[field];
  return (
    <Field label={text.label} hint={text.help} error={error}>
      {(control) => <input {...control} className="input input--number" type="number" min={text.min} max={1000} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  );
}
