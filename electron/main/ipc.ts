import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { EventName } from '../../shared/ipc/channels';
import { eventChannels, invokeChannels } from '../../shared/ipc/channels';
import type { ContractHandlers, EventPayload } from '../../shared/ipc/contract';
import { eventContract } from '../../shared/ipc/contract';
import type { DispatchLogger } from '../../shared/ipc/dispatch';
import { dispatchInvoke } from '../../shared/ipc/dispatch';

/**
 * The one place that touches ipcMain (an ESLint rule bans it elsewhere). Every invoke is checked for
 * a trusted sender, then validated and dispatched by the shared dispatcher.
 */
export interface TrustedSenders {
  /** webContents ids of the app's own windows. */
  ids: Set<number>;
  /** The origin the renderer is served from (app://renderer, or the dev server). */
  isTrustedUrl(url: string): boolean;
}

export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedSenders): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false; // only the top frame of our windows
  return trusted.ids.has(event.sender.id) && trusted.isTrustedUrl(frame.url);
}

export function registerIpcHandlers(handlers: ContractHandlers, trusted: TrustedSenders, logger: DispatchLogger): void {
  for (const channel of Object.values(invokeChannels)) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!isTrustedSender(event, trusted)) {
        logger.error(`Refused IPC ${channel} from an untrusted sender`, event.senderFrame?.url);
        return { ok: false, error: { code: 'untrusted-sender', message: 'Refused: unknown sender.' } };
      }
      return dispatchInvoke(handlers, channel, input, logger);
    });
  }
}

export function sendEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  const parsed = eventContract[event].parse(payload);
  if (!target.isDestroyed()) target.send(eventChannels[event], parsed);
}
