import { describe, expect, it, vi } from 'vitest';
import { eventChannels, invokeChannels } from './channels';
import { createBackupAppApi } from './client';

describe('createBackupAppApi', () => {
  it('exposes one named method per contract entry, plus on(), and nothing else', () => {
    const api = createBackupAppApi({ invoke: vi.fn(), subscribe: vi.fn() });
    expect(Object.keys(api).sort()).toEqual([...Object.keys(invokeChannels), 'on'].sort());
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends each method on its own channel', async () => {
    const invoke = vi.fn(async () => ({ ok: true, value: null }));
    const api = createBackupAppApi({ invoke, subscribe: vi.fn() });
    await api.validateNotionToken({ token: 't' });
    await api.detectPlakar();
    expect(invoke).toHaveBeenNthCalledWith(1, invokeChannels.validateNotionToken, { token: 't' });
    expect(invoke).toHaveBeenNthCalledWith(2, invokeChannels.detectPlakar, undefined);
  });

  it('subscribes to contract events only', () => {
    const unsubscribe = vi.fn();
    const subscribe = vi.fn(() => unsubscribe);
    const api = createBackupAppApi({ invoke: vi.fn(), subscribe });
    const off = api.on('jobProgress', () => undefined);
    expect(subscribe).toHaveBeenCalledWith(eventChannels.jobProgress, expect.any(Function));
    off();
    expect(unsubscribe).toHaveBeenCalledOnce();
    expect(() => api.on('nope' as 'jobProgress', () => undefined)).toThrow(/Unknown event/);
  });
});
