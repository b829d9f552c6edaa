import { contextBridge, ipcRenderer } from 'electron';
import { createBackupAppApi } from '../../shared/ipc/client';

/**
 * Exposes the contract as `window.backupApp`: named methods built from the contract's channel list,
 * never ipcRenderer itself or a generic send/invoke.
 */
contextBridge.exposeInMainWorld(
  'backupApp',
  createBackupAppApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (channel, listener) => {
      const wrapped = (_event: unknown, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, wrapped);
      return () => {
        ipcRenderer.removeListener(channel, wrapped);
      };
    },
  }),
);
