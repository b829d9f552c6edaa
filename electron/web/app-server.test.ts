import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ContractHandlers } from '../../shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { SESSION_COOKIE } from './access';
import type { AppServer } from './app-server';
import { startAppServer } from './app-server';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(port: number, target: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const call = http.request({ host: '127.0.0.1', port, path: target, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    call.on('error', reject);
    call.end();
  });
}

/** Opens the bridge socket; resolves with it once open, or with the HTTP status that refused it. */
function openSocket(port: number, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

describe('the browser mode server', () => {
  let dir: string;
  let server: AppServer;
  let token: string;
  let cookie: string;
  const logged: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'app-server-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
    const handlers = { getAppInfo: async () => ({ productName: 'Test' }) } as unknown as ContractHandlers;
    server = await startAppServer({
      port: 0,
      rendererDir: dir,
      handlers,
      dialogs: { handle: (_request, response) => response.writeHead(200).end('dialogs origin') },
      logger: { error: (message) => logged.push(message) },
    });
    token = new URL(server.accessUrl).searchParams.get('token') ?? '';
    cookie = `${SESSION_COOKIE}=${token}`;
  });

  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and hands out a link with a long token', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('trades the printed link for an HttpOnly, SameSite=Strict cookie and drops the token from the address', async () => {
    const reply = await request(server.port, `/?token=${token}`);
    expect(reply.status).toBe(303);
    expect(reply.headers.location).toBe('/');
    expect(reply.headers['set-cookie']?.[0]).toBe(`${cookie}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('refuses a link with another token', async () => {
    const reply = await request(server.port, `/?token=${'B'.repeat(43)}`);
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('serves nothing without the token, and says what to open', async () => {
    const reply = await request(server.port, '/');
    expect(reply.status).toBe(401);
    expect(reply.body).toContain('notion-plakar ui');
    expect((await request(server.port, '/index.html')).status).toBe(401);
  });

  it('serves the app with the cookie, under the app’s CSP', async () => {
    const reply = await request(server.port, '/', { cookie });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>app</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-frame-options']).toBe('DENY');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('refuses another Host even with the cookie (DNS rebinding)', async () => {
    const reply = await request(server.port, '/', { cookie, host: `evil.example:${server.port}` });
    expect(reply.status).toBe(403);
  });

  it('refuses a request the browser marks as cross-site, even with the cookie', async () => {
    expect((await request(server.port, '/', { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('sends the localhost origin to the dialogs', async () => {
    const reply = await request(server.port, '/dialog/x', { host: `localhost:${server.port}` });
    expect(reply.body).toBe('dialogs origin');
  });

  it('serves only GET and files inside the renderer folder', async () => {
    expect((await request(server.port, '/', { cookie }, 'POST')).status).toBe(405);
    expect((await request(server.port, '/..%2f..%2f..%2fetc%2fpasswd', { cookie })).status).toBe(404);
    expect((await request(server.port, '/missing.js', { cookie })).status).toBe(404);
  });

  it('refuses the bridge socket without the token, or from another origin', async () => {
    const origin = server.origin;
    expect(await openSocket(server.port, { origin })).toBe(401);
    expect(await openSocket(server.port, { origin: 'http://evil.example', cookie })).toBe(403);
    expect(await openSocket(server.port, { origin: `http://localhost:${server.port}`, cookie })).toBe(403);
    expect(await openSocket(server.port, { cookie })).toBe(403);
  });

  it('runs invokes through the contract’s dispatcher and validation', async () => {
    const ws = await openSocket(server.port, { origin: server.origin, cookie });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:get-info' }));
    expect(await nextMessage(ws)).toEqual({ type: 'result', id: 1, result: { ok: true, value: { productName: 'Test' } } });
    ws.send(JSON.stringify({ type: 'invoke', id: 2, channel: 'notion:validate-token', input: { token: 42 } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid-input' } } });
    ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'shell:run', input: 'rm -rf /' }));
    expect(await nextMessage(ws)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'unknown-method' } } });
    ws.close();
  });

  it('sends events to every open page, validated by the contract', async () => {
    const ws = await openSocket(server.port, { origin: server.origin, cookie });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    const message = nextMessage(ws);
    server.broadcast('navigate', { screen: 'logs', jobId: null });
    expect(await message).toEqual({ type: 'event', channel: 'event:navigate', payload: { screen: 'logs', jobId: null } });
    expect(() => server.broadcast('navigate', { screen: 'nowhere' } as never)).toThrow();
    ws.close();
  });

  it('closes a socket that sends something other than a bridge message', async () => {
    const ws = await openSocket(server.port, { origin: server.origin, cookie });
    if (typeof ws === 'number') throw new Error(`refused: ${ws}`);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('not json');
    expect(await closed).toBe(1008);
  });
});
