import { describe, expect, it } from 'vitest';
import { audienceOf, checkAppRequest, hostName, isSameOrigin, newAccessToken, SESSION_COOKIE, sessionCookie, tokensMatch } from './access';
import type { AppRequest } from './access';

const token = 'A'.repeat(43);
const request = (overrides: Partial<AppRequest> = {}): AppRequest => ({
  method: 'GET',
  host: '127.0.0.1:8765',
  origin: undefined,
  cookie: `${SESSION_COOKIE}=${token}`,
  tokenHeader: undefined,
  fetchSite: undefined,
  ...overrides,
});

describe('browser mode access rules', () => {
  it('makes a fresh 256-bit token each time', () => {
    const first = newAccessToken();
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newAccessToken()).not.toBe(first);
  });

  it.each([
    ['127.0.0.1:8765', 'app'],
    ['127.0.0.1', 'app'],
    ['[::1]:9000', 'app'],
    ['localhost:8765', 'dialogs'],
    ['LOCALHOST:1', 'dialogs'],
    ['evil.example:8765', null],
    ['127.0.0.1.nip.io:8765', null],
    ['localhost.evil.example', null],
    ['', null],
    [undefined, null],
    ['127.0.0.1:8765/x', null],
  ] as const)('Host %s is for %s', (host, audience) => {
    expect(audienceOf(host)).toBe(audience);
  });

  it('reads the host name of a Host header', () => {
    expect(hostName('LocalHost:80')).toBe('localhost');
    expect(hostName('a b')).toBeNull();
  });

  it('knows the same origin only when it is exactly http://<Host>', () => {
    expect(isSameOrigin('http://127.0.0.1:8765', '127.0.0.1:8765')).toBe(true);
    expect(isSameOrigin('http://localhost:8765', '127.0.0.1:8765')).toBe(false);
    expect(isSameOrigin('https://127.0.0.1:8765', '127.0.0.1:8765')).toBe(false);
    expect(isSameOrigin('null', '127.0.0.1:8765')).toBe(false);
    expect(isSameOrigin(undefined, '127.0.0.1:8765')).toBe(false);
  });

  it('compares tokens whole', () => {
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, token.slice(1))).toBe(false);
    expect(tokensMatch(token, `${token}A`)).toBe(false);
    expect(tokensMatch(token, '')).toBe(false);
    expect(tokensMatch(token, undefined)).toBe(false);
  });

  it('finds the session cookie among others', () => {
    expect(sessionCookie(`a=1; ${SESSION_COOKIE}=x=y; b=2`)).toBe('x=y');
    expect(sessionCookie('a=1')).toBeUndefined();
    expect(sessionCookie(undefined)).toBeUndefined();
  });

  it('lets a page with the cookie, or a client with the header, read', () => {
    expect(checkAppRequest(request(), token, 'page')).toEqual({ ok: true });
    expect(checkAppRequest(request({ cookie: undefined, tokenHeader: token }), token, 'page')).toEqual({ ok: true });
  });

  it('refuses a request without the token, with what to do', () => {
    const decision = checkAppRequest(request({ cookie: undefined }), token, 'page');
    expect(decision).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('notion-plakar ui') });
    expect(checkAppRequest(request({ cookie: `${SESSION_COOKIE}=wrong` }), token, 'page')).toMatchObject({ status: 401 });
  });

  it('refuses what a browser says came from another site, even with the cookie', () => {
    expect(checkAppRequest(request({ fetchSite: 'cross-site' }), token, 'page')).toMatchObject({ ok: false, status: 403 });
  });

  it('lets a socket open only from the app page’s own origin', () => {
    expect(checkAppRequest(request({ origin: 'http://127.0.0.1:8765' }), token, 'socket')).toEqual({ ok: true });
    expect(checkAppRequest(request({ origin: 'http://localhost:8765' }), token, 'socket')).toMatchObject({ status: 403 });
    expect(checkAppRequest(request({ origin: 'http://evil.example' }), token, 'socket')).toMatchObject({ status: 403 });
    expect(checkAppRequest(request(), token, 'socket')).toMatchObject({ status: 403 });
  });

  it('treats anything but GET and HEAD from another origin as a cross-site call', () => {
    expect(checkAppRequest(request({ method: 'POST', origin: 'http://evil.example' }), token, 'page')).toMatchObject({ status: 403 });
  });
});
