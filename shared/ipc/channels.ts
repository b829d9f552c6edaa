/**
 * Method name → IPC channel. Kept free of runtime dependencies so the sandboxed preload can bundle it
 * without pulling in zod. The schemas for each method live in ./contract.ts under the same names.
 */
export const invokeChannels = {
  getAppInfo: 'app:get-info',
  detectPlakar: 'plakar:detect',
  validateNotionToken: 'notion:validate-token',
} as const;

export type InvokeMethod = keyof typeof invokeChannels;

/** Main → renderer events. */
export const eventChannels = {
  appNotice: 'event:app-notice',
} as const;

export type EventName = keyof typeof eventChannels;

export function methodForChannel(channel: string): InvokeMethod | undefined {
  return (Object.keys(invokeChannels) as InvokeMethod[]).find((method) => invokeChannels[method] === channel);
}
