import type { EventName, InvokeMethod } from './channels';
import { eventChannels, invokeChannels } from './channels';
import type { EventPayload, InputOf, IpcResult, ResultOf } from './contract';

/** The API the renderer sees as `window.backupApp`: named methods only, never a generic invoke. */
export type BackupAppApi = {
  [M in InvokeMethod]: InputOf<M> extends undefined
    ? () => Promise<IpcResult<ResultOf<M>>>
    : (input: InputOf<M>) => Promise<IpcResult<ResultOf<M>>>;
} & {
  /** Subscribes to a main → renderer event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the named-method API over a transport: Electron's ipcRenderer in the preload, or a
 * Playwright binding in the Chromium e2e harness. Only channels from the contract can be reached.
 */
export function createBackupAppApi(transport: BridgeTransport): BackupAppApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(invokeChannels) as InvokeMethod[]) {
    const channel = invokeChannels[method];
    api[method] = (input?: unknown) => transport.invoke(channel, input);
  }
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    const channel = eventChannels[event];
    if (!channel) throw new Error(`Unknown event "${String(event)}"`);
    return transport.subscribe(channel, listener);
  };
  return Object.freeze(api) as BackupAppApi;
}
