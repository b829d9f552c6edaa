import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './trusted-sender';

const trusted = { ids: new Set([7]), isTrustedUrl: (url: string) => url.startsWith('app://renderer/') };

function event(id: number, url: string, parent: object | null = null): Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'> {
  return { sender: { id }, senderFrame: { url, parent } } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;
}

describe('isTrustedSender', () => {
  it('accepts the top frame of an app window showing the app', () => {
    expect(isTrustedSender(event(7, 'app://renderer/index.html'), trusted)).toBe(true);
  });

  it('refuses another window, another page, a sub-frame, and a frame already gone', () => {
    expect(isTrustedSender(event(8, 'app://renderer/index.html'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'https://evil.example/'), trusted)).toBe(false);
    expect(isTrustedSender(event(7, 'app://renderer/index.html', {}), trusted)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null } as unknown as Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted)).toBe(false);
  });
});
