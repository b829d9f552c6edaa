import { describe, expect, it, vi } from 'vitest';
import { invokeChannels } from './channels';
import type { ContractHandlers } from './contract';
import { dispatchInvoke } from './dispatch';

function handlers(overrides: Partial<ContractHandlers> = {}): ContractHandlers {
  return ({
    getAppInfo: vi.fn(),
    detectPlakar: vi.fn(async () => ({ status: 'not-found' as const, searched: [] })),
    validateNotionToken: vi.fn(async () => ({
      status: 'invalid' as const,
      problem: 'unauthorized' as const,
      message: 'no',
      detail: null,
    })),
    ...overrides,
  }) as unknown as ContractHandlers;
}

describe('dispatchInvoke', () => {
  it('runs the handler of a known channel with the validated input', async () => {
    const all = handlers();
    const result = await dispatchInvoke(all, invokeChannels.validateNotionToken, { token: 'ntn_x' });
    expect(result).toMatchObject({ ok: true, value: { status: 'invalid' } });
    expect(all.validateNotionToken).toHaveBeenCalledWith({ token: 'ntn_x' });
  });

  it('refuses unknown channels', async () => {
    const result = await dispatchInvoke(handlers(), 'shell:exec', 'rm -rf /');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses input that does not match the schema, without calling the handler', async () => {
    const all = handlers();
    for (const input of [undefined, null, 'ntn_x', { token: 42 }, { token: 'x'.repeat(2000) }, { token: 'a\u0000b' }]) {
      const result = await dispatchInvoke(all, invokeChannels.validateNotionToken, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(all.validateNotionToken).not.toHaveBeenCalled();
  });

  it('refuses arguments to methods that take none', async () => {
    const result = await dispatchInvoke(handlers(), invokeChannels.detectPlakar, { path: '/bin/sh' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('turns a thrown error into an internal error without leaking its message', async () => {
    const logger = { error: vi.fn() };
    const all = handlers({
      detectPlakar: async () => {
        throw new Error('secret detail /home/user/.token');
      },
    });
    const result = await dispatchInvoke(all, invokeChannels.detectPlakar, undefined, logger);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret detail');
    expect(logger.error).toHaveBeenCalledOnce();
  });
});
