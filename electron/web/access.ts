import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the browser mode's server (pure functions; the rules are in docs/security.md,
 * "Browser mode"). Two origins share one loopback port: the app at http://127.0.0.1:<port>, which
 * needs the per-run access token, and main's dialogs at http://localhost:<port>, which the app's page
 * cannot script. Any other Host is refused, which stops DNS rebinding.
 */
export type Audience = 'app' | 'dialogs';

/** The cookie that carries the access token after the first visit (HttpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'notion_plakar_ui';
/** Non-browser clients may send the token in this header instead. */
export const TOKEN_HEADER = 'x-notion-plakar-token';

export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The host name of a Host header ("127.0.0.1:8080" → "127.0.0.1"), lower-cased; null when malformed. */
export function hostName(host: string | undefined): string | null {
  if (!host) return null;
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host.trim());
  return match?.[1]?.toLowerCase() ?? null;
}

/**
 * Which origin a request is for, by its Host header. Any port is accepted (an SSH tunnel may map
 * another local port to ours); only the loopback names we serve are.
 */
export function audienceOf(host: string | undefined): Audience | null {
  const name = hostName(host);
  if (name === '127.0.0.1' || name === '[::1]') return 'app';
  if (name === 'localhost') return 'dialogs';
  return null;
}

/** Is the Origin header exactly this request's own origin (http://<Host>)? Absent or "null" is not. */
export function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (!origin || !host) return false;
  return origin.toLowerCase() === `http://${host.trim().toLowerCase()}`;
}

export function tokensMatch(expected: string, given: string | undefined | null): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The session cookie's value in a Cookie header. */
export function sessionCookie(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}

export function sessionCookieHeader(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export interface AppRequest {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  tokenHeader: string | undefined;
  /** Sec-Fetch-Site, sent by browsers: "cross-site" is refused even for a GET. */
  fetchSite: string | undefined;
}

export type AccessDecision = { ok: true } | { ok: false; status: 401 | 403; reason: string };

/**
 * May this request to the app origin go on? It must carry the token (cookie or header), and a request
 * a browser marks as coming from another site, or a WebSocket or non-GET from another origin, is refused
 * even with the cookie.
 */
export function checkAppRequest(request: AppRequest, token: string, kind: 'page' | 'socket'): AccessDecision {
  if (request.fetchSite === 'cross-site') return { ok: false, status: 403, reason: 'Refused: the request came from another site.' };
  const readsOnly = kind === 'page' && (request.method === 'GET' || request.method === 'HEAD');
  if (!readsOnly && !isSameOrigin(request.origin, request.host)) {
    return { ok: false, status: 403, reason: 'Refused: the request did not come from the app’s own page.' };
  }
  if (!tokensMatch(token, sessionCookie(request.cookie)) && !tokensMatch(token, request.tokenHeader)) {
    return {
      ok: false,
      status: 401,
      reason: 'This address needs the access link that `notion-plakar ui` printed when it started (it changes every run).',
    };
  }
  return { ok: true };
}
