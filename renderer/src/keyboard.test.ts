import { describe, expect, it } from 'vitest';
import { appShortcut, isEscape, isTyping } from './keyboard';

const body = { tagName: 'BODY' };
const textField = { tagName: 'INPUT', type: 'search' };
const key = (value: string, extra: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean; target?: object } = {}) => ({
  key: value,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target: body,
  ...extra,
});

describe('keyboard', () => {
  it('knows when the user types', () => {
    expect(isTyping(textField)).toBe(true);
    expect(isTyping({ tagName: 'input' })).toBe(true);
    expect(isTyping({ tagName: 'TEXTAREA' })).toBe(true);
    expect(isTyping({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTyping({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTyping({ tagName: 'BUTTON' })).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('opens Settings with Ctrl or ⌘ and a comma', () => {
    expect(appShortcut(key(',', { ctrlKey: true }))).toBe('settings');
    expect(appShortcut(key(',', { metaKey: true, target: textField }))).toBe('settings');
    expect(appShortcut(key(','))).toBeNull();
    expect(appShortcut(key(',', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('finds a page with "/" unless the user types, and with Ctrl or ⌘ F', () => {
    expect(appShortcut(key('/'))).toBe('find');
    expect(appShortcut(key('/', { target: textField }))).toBeNull();
    expect(appShortcut(key('f', { ctrlKey: true }))).toBe('find');
    expect(appShortcut(key('F', { metaKey: true, target: textField }))).toBe('find');
    expect(appShortcut(key('f', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(appShortcut(key('f'))).toBeNull();
  });

  it('takes Escape only outside text fields', () => {
    expect(isEscape(key('Escape'))).toBe(true);
    expect(isEscape(key('Escape', { target: textField }))).toBe(false);
    expect(isEscape(key('Escape', { ctrlKey: true }))).toBe(false);
  });
});
