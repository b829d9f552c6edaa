import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { BROWSER_BRIDGE_PATH, BrowserBridgeRequestSchema } from '../../shared/ipc/browser-schemas';
import type { BrowserBridgeMessage } from '../../shared/ipc/browser-schemas';
import type { EventName } from '../../shared/ipc/channels';
import { eventChannels } from '../../shared/ipc/channels';
import type { ContractHandlers, EventPayload } from '../../shared/ipc/contract';
import { eventContract } from '../../shared/ipc/contract';
import type { DispatchLogger } from '../../shared/ipc/dispatch';
import { dispatchInvoke } from '../../shared/ipc/dispatch';
import { rendererContentType, rendererFileForPath } from '../services/renderer-files';
import type { AppRequest } from './access';
import { audienceOf, checkAppRequest, newAccessToken, sessionCookieHeader, TOKEN_HEADER, tokensMatch } from './access';

export interface AppServerOptions {
  /** 0 picks a free port. Always bound to 127.0.0.1. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  handlers: ContractHandlers;
  /** Serves main's dialogs on the http://localhost:<port> origin. */
  dialogs: { handle(request: http.IncomingMessage, response: http.ServerResponse): void };
  logger: DispatchLogger;
}

export interface AppServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** The address to open once: it carries the access token (never log it). */
  accessUrl: string;
  /** Sends a main → renderer event to every connected page, validated like Electron's sendEvent. */
  broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
}

/** A WebSocket message larger than this is refused (the largest invoke, a restore plan, is far smaller). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

function appRequest(request: http.IncomingMessage): AppRequest {
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  return {
    method: request.method ?? 'GET',
    host: header('host'),
    origin: header('origin'),
    cookie: header('cookie'),
    tokenHeader: header(TOKEN_HEADER),
    fetchSite: header('sec-fetch-site'),
  };
}

function refuse(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  response.end(`${message}\n`);
}

/**
 * The browser mode's server: the built renderer and the typed contract over a WebSocket, on
 * 127.0.0.1, behind a per-run access token (docs/security.md, "Browser mode"). Every invoke goes
 * through the same dispatcher and zod validation as Electron's IPC.
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = newAccessToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const server = http.createServer((request, response) => {
    const audience = audienceOf(request.headers.host);
    if (audience === 'dialogs') return options.dialogs.handle(request, response);
    if (audience !== 'app') return refuse(response, 403, 'Refused: open the app at the 127.0.0.1 address `notion-plakar ui` printed.');
    void serveApp(request, response);
  });

  async function serveApp(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'Only GET is served here.');
    const fromLink = url.searchParams.get('token');
    if (fromLink !== null) {
      // The printed link: trade the token in the address for a cookie, then drop it from the address.
      if (!tokensMatch(token, fromLink)) return refuse(response, 401, 'This link is out of date: use the one `notion-plakar ui` printed when it last started.');
      response.writeHead(303, { location: '/', 'set-cookie': sessionCookieHeader(token), 'cache-control': 'no-store', ...SECURITY_HEADERS });
      response.end();
      return;
    }
    const decision = checkAppRequest(appRequest(request), token, 'page');
    if (!decision.ok) return refuse(response, decision.status, decision.reason);
    const file = rendererFileForPath(options.rendererDir, url.pathname);
    const body = file ? await readFile(file).catch(() => undefined) : undefined;
    if (!file || !body) return refuse(response, 404, 'Not found.');
    response.writeHead(200, {
      'content-type': rendererContentType(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const decision =
      audienceOf(request.headers.host) !== 'app' || url.pathname !== BROWSER_BRIDGE_PATH
        ? ({ ok: false, status: 403, reason: 'Refused.' } as const)
        : checkAppRequest(appRequest(request), token, 'socket');
    if (!decision.ok) {
      socket.end(`HTTP/1.1 ${decision.status} ${http.STATUS_CODES[decision.status]}\r\nconnection: close\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveBridge(ws));
  });

  function serveBridge(ws: WebSocket): void {
    ws.on('message', (data, isBinary) => {
      let request;
      try {
        request = isBinary ? null : BrowserBridgeRequestSchema.safeParse(JSON.parse(String(data)));
      } catch {
        request = null;
      }
      if (!request?.success) {
        ws.close(1008, 'Not a bridge message');
        return;
      }
      const { id, channel, input } = request.data;
      void dispatchInvoke(options.handlers, channel, input, options.logger).then((result) => send(ws, { type: 'result', id, result }));
    });
  }

  function send(ws: WebSocket, message: BrowserBridgeMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    accessUrl: `${origin}/?token=${token}`,
    broadcast(event, payload) {
      const parsed = eventContract[event].parse(payload);
      for (const ws of sockets.clients) send(ws, { type: 'event', channel: eventChannels[event], payload: parsed });
    },
    async close() {
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
