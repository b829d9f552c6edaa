import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveToken, resolveVersion } from './auth';
import type { EmulatorEnv, HandlerContext } from './context';
import type { RequestCounter } from './counters';
import { ApiError, errorEnvelope, invalidJson, invalidRequestUrl, rateLimited, validationError } from './errors';
import type { FaultInjector } from './faults';
import { BAD_GATEWAY_HTML, DEFAULT_TIMEOUT_HANG_MS, faultError } from './faults';
import { FILES_PREFIX, serveFile } from './files';
import { BodyTooLargeError, headerValue, readBody, sendJson, sendText } from './http-io';
import type { RateLimiter } from './rate-limiter';
import type { Router } from './router';
import type { FaultKind } from './types';

/** Whole JSON payloads above this are refused (Notion's 500 KB request limit, read as 500 000 bytes: the stricter reading). */
export const MAX_JSON_BODY_BYTES = 500_000;
/** Admin `load` carries whole workspaces. */
const MAX_ADMIN_BODY_BYTES = 1024 * 1024 * 1024;

export interface PipelineDeps {
  env: EmulatorEnv;
  router: Router;
  limiter: RateLimiter;
  faults: FaultInjector;
  counter: RequestCounter;
  handleAdmin(method: string, url: URL, body: Buffer, res: ServerResponse): void;
  /** pending hang timers, cleared on close */
  timers: Set<NodeJS.Timeout>;
}

function parseJsonBody(raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (raw.length > MAX_JSON_BODY_BYTES) {
    throw validationError(`The request body is ${raw.length} bytes; the maximum request payload size is 500KB.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidJson();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidJson();
  return parsed as Record<string, unknown>;
}

function sleep(deps: PipelineDeps, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      deps.timers.delete(timer);
      resolve();
    }, ms);
    deps.timers.add(timer);
  });
}

export async function handleRequest(deps: PipelineDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const method = (req.method ?? 'GET').toUpperCase();
  if (url.pathname.startsWith('/__admin/')) {
    deps.handleAdmin(method, url, await readBody(req, MAX_ADMIN_BODY_BYTES), res);
    return;
  }
  if (url.pathname.startsWith(FILES_PREFIX) && (method === 'GET' || method === 'HEAD')) {
    const status = serveFile(deps.env.store, deps.env.signer, deps.env.clock, url, method, res);
    deps.counter.record(`${method} ${FILES_PREFIX}{id}/{filename}`, status);
    return;
  }
  const requestId = randomUUID();
  const match = deps.router.match(method, url.pathname);
  const routeKey = match?.key ?? `${method} (unmatched)`;
  const sendError = (error: ApiError): void => {
    sendJson(res, error.status, errorEnvelope(error, requestId), { 'x-notion-request-id': requestId, ...error.headers });
    deps.counter.record(routeKey, error.status);
  };
  try {
    const rawBody = await readBody(req);
    if (!match) throw invalidRequestUrl();
    const version = resolveVersion(headerValue(req, 'notion-version'));
    const token = resolveToken(deps.env.store, headerValue(req, 'authorization'));
    // Every request on a route spends from its token's bucket and may draw a fault: users.me, the first
    // request of a job, as much as any other (tested in faults-every-route.test.ts).
    const retryAfter = deps.limiter.take(token.secret);
    if (retryAfter !== null) throw rateLimited(retryAfter);
    const fault = deps.faults.pick(routeKey, method);
    const contentType = headerValue(req, 'content-type') ?? '';
    const ctx: HandlerContext = {
      env: deps.env,
      store: deps.env.store,
      token,
      version,
      method,
      params: match.params,
      query: url.searchParams,
      body: match.def.multipart ? {} : parseJsonBody(rawBody),
      rawBody,
      contentType,
    };
    const apply = (): Record<string, unknown> => match.def.handler(ctx) as Record<string, unknown>;
    const respond = (): void => {
      const result = apply();
      sendJson(res, 200, { ...result, request_id: requestId }, { 'x-notion-request-id': requestId });
      deps.counter.record(routeKey, 200);
    };
    if (fault) {
      await injectFault(deps, { kind: fault, method, apply, respond, sendError, res, routeKey });
      return;
    }
    respond();
  } catch (error) {
    if (error instanceof ApiError) {
      sendError(error);
    } else if (error instanceof BodyTooLargeError) {
      sendError(new ApiError(413, 'validation_error', 'Request body too large.'));
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      sendError(new ApiError(500, 'internal_server_error', `Unexpected error occurred. (emulator: ${detail})`));
    }
  }
}

interface FaultRequest {
  kind: FaultKind;
  method: string;
  /** runs the handler without responding (for apply-then-fail) */
  apply: () => unknown;
  /** runs the handler and sends its normal response */
  respond: () => void;
  sendError: (error: ApiError) => void;
  res: ServerResponse;
  routeKey: string;
}

/**
 * Sends the injected failure. The write is not applied unless `applyThenFail` is set (then it runs first
 * and its outcome is hidden), or a `timeout` fault is configured to respond normally after hanging.
 */
async function injectFault(deps: PipelineDeps, request: FaultRequest): Promise<void> {
  const { kind, res, routeKey } = request;
  const config = deps.faults.current() ?? {};
  const applyFirst = request.method !== 'GET' && deps.faults.appliesFirst();
  const applySilently = (): void => {
    try {
      request.apply();
    } catch {
      // the write's own error is hidden behind the injected fault
    }
  };
  if (kind === 'timeout') {
    const hangMs = config.timeout?.hangMs ?? DEFAULT_TIMEOUT_HANG_MS;
    if (config.timeout?.then === 'respond') {
      await sleep(deps, hangMs);
      if (!res.destroyed) request.respond();
      return;
    }
    if (applyFirst) applySilently();
    await sleep(deps, hangMs);
    res.destroy();
    deps.counter.record(routeKey, 'destroyed');
    return;
  }
  if (applyFirst) applySilently();
  if (kind === 'bad_gateway') {
    sendText(res, 502, 'text/html', BAD_GATEWAY_HTML, { 'cf-ray': `${randomUUID().replace(/-/g, '').slice(0, 16)}-EMU` });
    deps.counter.record(routeKey, 502);
    return;
  }
  request.sendError(faultError(kind, config.retryAfterSeconds));
}
