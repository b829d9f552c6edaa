import type { BackupAppApi } from '../../shared/ipc/client';
import { createBackupAppApi } from '../../shared/ipc/client';
import type { BrowserBridgeRequest } from '../../shared/ipc/browser-schemas';
import { BROWSER_BRIDGE_PATH, BrowserBridgeMessageSchema } from '../../shared/ipc/browser-schemas';
import type { IpcResult } from '../../shared/ipc/contract';

const CONNECTION_LOST: IpcResult<never> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The connection to `notion-plakar ui` was lost. If it stopped, start it again and open the address it prints.',
  },
};

type Listener = (payload: unknown) => void;

/**
 * Browser mode (`notion-plakar ui`): the same `window.backupApp` API as the Electron preload, over a
 * WebSocket to the server that served this page. The access cookie travels with the socket; main
 * validates every message against the contract exactly as it does for IPC.
 */
export function createWebSocketBridge(location: Pick<Location, 'host'>): BackupAppApi {
  const url = `ws://${location.host}${BROWSER_BRIDGE_PATH}`;
  const pending = new Map<number, (result: unknown) => void>();
  const listeners = new Map<string, Set<Listener>>();
  let nextId = 0;
  let socket: Promise<WebSocket> | undefined;

  const connect = (): Promise<WebSocket> => {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => resolve(ws));
      ws.addEventListener('message', (event) => deliver(event.data));
      ws.addEventListener('close', () => {
        socket = undefined;
        reject(new Error('closed'));
        for (const settle of pending.values()) settle(CONNECTION_LOST);
        pending.clear();
      });
    });
    return socket;
  };

  const deliver = (data: unknown): void => {
    let parsed;
    try {
      parsed = BrowserBridgeMessageSchema.safeParse(JSON.parse(String(data)));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'result') {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else {
      listeners.get(message.channel)?.forEach((listener) => listener(message.payload));
    }
  };

  // Events only arrive on an open socket: connect now rather than at the first invoke.
  void connect().catch(() => undefined);

  return createBackupAppApi({
    async invoke(channel, input) {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return CONNECTION_LOST;
      }
      const id = nextId++;
      const request: BrowserBridgeRequest = { type: 'invoke', id, channel, input };
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify(request));
      });
    },
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(channel, set);
      void connect().catch(() => undefined);
      return () => {
        set.delete(listener);
      };
    },
  });
}
