import { z } from 'zod';

/**
 * Browser mode (`notion-plakar ui`) shows main's dialogs on a second origin, http://localhost:<port>,
 * which the app's page cannot script (docs/security.md, "Browser mode"). The page only learns that a
 * dialog waits and where: `path` is relative to that origin.
 */
export const PendingDialogSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  title: z.string().max(200),
  path: z.string().regex(/^\/dialog\/[A-Za-z0-9_-]{16,64}$/),
});

export const PendingDialogsEventSchema = z.object({ pending: z.array(PendingDialogSchema) });

export type PendingDialog = z.infer<typeof PendingDialogSchema>;

/** What goes over the browser mode's WebSocket, both ways. */
export const BrowserBridgeRequestSchema = z.object({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  input: z.unknown().optional(),
});

export const BrowserBridgeMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: z.unknown() }),
  z.object({ type: z.literal('event'), channel: z.string(), payload: z.unknown() }),
]);

export type BrowserBridgeRequest = z.infer<typeof BrowserBridgeRequestSchema>;
export type BrowserBridgeMessage = z.infer<typeof BrowserBridgeMessageSchema>;

/** The WebSocket's path on the app origin. */
export const BROWSER_BRIDGE_PATH = '/bridge';
