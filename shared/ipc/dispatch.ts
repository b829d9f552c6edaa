import type { ContractHandlers, IpcResult } from './contract';
import { ipcContract } from './contract';
import { methodForChannel } from './channels';

/** Thrown by a handler for input the schema allows but the request cannot use (a time in the past…): the message reaches the user. */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
}

export interface DispatchLogger {
  error(message: string, error: unknown): void;
}

/**
 * Validates a raw invoke from the renderer and runs its handler. Shared by the Electron IPC wrapper
 * and the e2e Chromium bridge so both targets exercise exactly the same checks.
 */
export async function dispatchInvoke(
  handlers: ContractHandlers,
  channel: string,
  rawInput: unknown,
  logger?: DispatchLogger,
): Promise<IpcResult<unknown>> {
  const method = methodForChannel(channel);
  if (!method) return { ok: false, error: { code: 'unknown-method', message: `Unknown IPC channel "${channel}".` } };
  const parsed = ipcContract[method].input.safeParse(rawInput);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join(' ');
    return { ok: false, error: { code: 'invalid-input', message } };
  }
  try {
    // The parsed input has the schema's type for this method; TypeScript cannot correlate the union.
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof RequestRefusedError) return { ok: false, error: { code: 'invalid-input', message: error.message } };
    logger?.error(`IPC handler ${method} failed`, error);
    return {
      ok: false,
      error: { code: 'internal', message: 'Something went wrong inside the app. The details are in the log.' },
    };
  }
}
