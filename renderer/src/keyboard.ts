import { useEffect, useRef } from 'react';

/** What a key handler needs to know of the element that has the key (a plain object in tests). */
interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
}

type KeyInfo = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & { target: EventTarget | KeyTarget | null };

const NOT_TEXT_INPUTS = ['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'];

/** The user is typing: a text field, a text area, a list box or editable content has the key. */
export function isTyping(target: EventTarget | KeyTarget | null): boolean {
  if (!target || typeof target !== 'object') return false;
  const element = target as KeyTarget;
  if (element.isContentEditable) return true;
  const tag = element.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NOT_TEXT_INPUTS.includes(element.type ?? 'text');
}

/** Ctrl on Linux and Windows, ⌘ on macOS; not both, and not with Alt (those are other shortcuts). */
function withCommandKey(event: KeyInfo): boolean {
  return event.ctrlKey !== event.metaKey && !event.altKey;
}

const plain = (event: KeyInfo) => !event.ctrlKey && !event.metaKey && !event.altKey;

/** The app's own shortcuts: Ctrl/⌘+, opens Settings; "/" (not while typing) or Ctrl/⌘+F finds a page. */
export function appShortcut(event: KeyInfo): 'settings' | 'find' | null {
  if (withCommandKey(event) && !event.shiftKey && event.key === ',') return 'settings';
  if (withCommandKey(event) && !event.shiftKey && event.key.toLowerCase() === 'f') return 'find';
  if (plain(event) && event.key === '/' && !isTyping(event.target)) return 'find';
  return null;
}

/** Escape closes what is open (the restore wizard), unless it would clear what the user is typing. */
export function isEscape(event: KeyInfo): boolean {
  return plain(event) && !event.shiftKey && event.key === 'Escape' && !isTyping(event.target);
}

/**
 * A key handler on the whole window while `enabled`: it returns true when it used the key, which then
 * goes nowhere else (no browser "find in page" for Ctrl+F, no "/" typed anywhere).
 */
export function useWindowKeys(handle: (event: KeyboardEvent) => boolean, enabled = true): void {
  const latest = useRef(handle);
  useEffect(() => {
    latest.current = handle;
  });
  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (latest.current(event)) event.preventDefault();
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
