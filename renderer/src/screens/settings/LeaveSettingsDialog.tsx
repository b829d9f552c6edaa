import { useCallback, useEffect, useRef, useState } from 'react';
import { inBrowserMode } from '../../bridge';
import { strings } from '../../strings';
import type { SettingsSectionId } from './settings-sections';
import { sectionTitles } from './settings-sections';

const t = strings.settings.unsaved;

/**
 * Asks before leaving Settings while sections have unsaved drafts (see unsaved-changes.tsx):
 * `confirmLeave(leave)` leaves at once when nothing is dirty, else shows the dialog and leaves only on
 * "Leave without saving". In browser mode, reloading or closing the tab gets the browser's own prompt
 * (the desktop window never asks: a refused unload would silently keep it open).
 */
export function useLeaveGuard(dirty: readonly SettingsSectionId[]) {
  const [pendingLeave, setPendingLeave] = useState<(() => void) | null>(null);
  const hasDirty = dirty.length > 0;

  const confirmLeave = useCallback(
    (leave: () => void) => {
      if (hasDirty) setPendingLeave(() => leave);
      else leave();
    },
    [hasDirty],
  );

  useEffect(() => {
    if (!hasDirty || !inBrowserMode()) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [hasDirty]);

  const stay = useCallback(() => setPendingLeave(null), []);
  const dialog = pendingLeave ? (
    <LeaveSettingsDialog
      sections={sectionTitles(dirty)}
      onStay={stay}
      onLeave={() => {
        setPendingLeave(null);
        pendingLeave();
      }}
    />
  ) : null;
  return { confirmLeave, dialog };
}

/**
 * A modal alert dialog (showModal makes the rest of the page inert): "Stay" has the focus, Tab stays
 * on the two buttons, and Escape closes it, which means Stay.
 */
function LeaveSettingsDialog({ sections, onStay, onLeave }: { sections: readonly string[]; onStay: () => void; onLeave: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const stayRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    stayRef.current?.focus();
    const keepFocusInside = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const buttons = [...dialog.querySelectorAll('button')];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length];
      event.preventDefault();
      next?.focus();
    };
    // Escape closes a modal dialog (a second Escape cannot even be refused): closing means Stay.
    dialog.addEventListener('close', onStay);
    dialog.addEventListener('keydown', keepFocusInside);
    return () => {
      dialog.removeEventListener('close', onStay);
      dialog.removeEventListener('keydown', keepFocusInside);
      if (dialog.open) dialog.close();
      before?.focus();
    };
  }, [onStay]);

  return (
    <dialog ref={dialogRef} className="leave-dialog card" role="alertdialog" aria-modal="true" aria-labelledby="leave-dialog-title" aria-describedby="leave-dialog-text">
      <h2 id="leave-dialog-title" className="card__title">
        {t.question}
      </h2>
      <p id="leave-dialog-text">{t.sections(sections)}</p>
      <div className="button-row leave-dialog__actions">
        <button type="button" className="button button--danger" onClick={onLeave}>
          {t.leave}
        </button>
        <button ref={stayRef} type="button" className="button button--secondary" onClick={onStay}>
          {t.stay}
        </button>
      </div>
    </dialog>
  );
}
