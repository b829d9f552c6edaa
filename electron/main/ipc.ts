import type { WebContents } from 'electron';
import { ipcMain } from 'electron';
import type { EventName } from '../../shared/ipc/channels';
import { eventChannels, invokeChannels } from '../../shared/ipc/channels';
import type { ContractHandlers, EventPayload } from '../../shared/ipc/contract';
import { eventContract } from '../../shared/ipc/contract';
import type { DispatchLogger } from '../../shared/ipc/dispatch';
import { dispatchInvoke } from '../../shared/ipc/dispatch';
import type { TrustedSenders } from './trusted-sender';
import { isTrustedSender } from './trusted-sender';

/**
 * The one place that touches ipcMain (an ESLint rule bans it elsewhere). Every invoke is checked for
 * a trusted sender, then validated and dispatched by the shared dispatcher.
 */
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
