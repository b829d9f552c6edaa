import type { ReactNode } from 'react';
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { strings } from '../../strings';
import type { SettingsSectionId } from './settings-sections';
import { SETTINGS_SECTION_IDS } from './settings-sections';

/*
 * Unsaved changes in Settings are guarded, not autosaved. Most sections are a draft checked as a whole
 * (a schedule, a retention policy, a store or a token is only meaningful once every field agrees), and
 * some saves have effects the user should choose (a new store, fewer snapshots kept). So each section
 * with a Save button reports whether its draft differs from what is saved, shows "Unsaved changes",
 * and leaving Settings with such drafts asks first (LeaveSettingsDialog; the browser's own prompt on
 * reload or close in browser mode). Notifications and startup already save on every change.
 */

interface UnsavedChangesRegistry {
  /** Sections whose draft differs from what is saved, in page order. */
  dirty: readonly SettingsSectionId[];
  report: (section: SettingsSectionId, isDirty: boolean) => void;
}

const UnsavedChangesContext = createContext<UnsavedChangesRegistry | null>(null);

/** The registry; its owner (App) reads `dirty` and provides it to Settings with {@link UnsavedChangesProvider}. */
export function useUnsavedChangesRegistry(): UnsavedChangesRegistry {
  const [dirtySet, setDirtySet] = useState<ReadonlySet<SettingsSectionId>>(new Set());
  const report = useCallback((section: SettingsSectionId, isDirty: boolean) => {
    setDirtySet((current) => {
      if (current.has(section) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(section);
      else next.delete(section);
      return next;
    });
  }, []);
  const dirty = useMemo(() => SETTINGS_SECTION_IDS.filter((id) => dirtySet.has(id)), [dirtySet]);
  return useMemo(() => ({ dirty, report }), [dirty, report]);
}

export function UnsavedChangesProvider({ registry, children }: { registry: UnsavedChangesRegistry; children: ReactNode }) {
  return <UnsavedChangesContext.Provider value={registry}>{children}</UnsavedChangesContext.Provider>;
}

/** A section says whether its draft differs from what is saved; unmounting (the draft is gone) clears it. */
export function useUnsavedChanges(section: SettingsSectionId, isDirty: boolean): void {
  const report = useContext(UnsavedChangesContext)?.report;
  useEffect(() => {
    report?.(section, isDirty);
  }, [report, section, isDirty]);
  useEffect(() => () => report?.(section, false), [report, section]);
}

/** The sections with unsaved changes (empty outside a provider). */
export function useDirtySections(): readonly SettingsSectionId[] {
  return useContext(UnsavedChangesContext)?.dirty ?? [];
}

/** "Unsaved changes", next to a section's Save button while its draft differs from what is saved. */
export function UnsavedNote({ shown }: { shown: boolean }) {
  return shown ? (
    <span className="unsaved-note" data-testid="unsaved-note">
      {strings.settings.unsaved.note}
    </span>
  ) : null;
}
