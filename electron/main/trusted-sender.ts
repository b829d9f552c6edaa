import type { IpcMainInvokeEvent } from 'electron';

export interface TrustedSenders {
  /** webContents ids of the app's own windows. */
  ids: Set<number>;
  /** The origin the renderer is served from (app://renderer, or the dev server). */
  isTrustedUrl(url: string): boolean;
}

/** Only the top frame of one of the app's own windows, showing the app's own page, may call main. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, trusted: TrustedSenders): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return trusted.ids.has(event.sender.id) && trusted.isTrustedUrl(frame.url);
}
