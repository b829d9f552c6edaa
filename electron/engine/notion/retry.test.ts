import { APIErrorCode, APIResponseError, RequestTimeoutError, UnknownHTTPResponseError } from '@notionhq/client';
import { describe, expect, it, vi } from 'vitest';
import { RateLimiter } from './rate-limiter';
import type { RetryPolicy } from './retry';
import { backoffDelay, callNotion, classifyNotionFailure, NotionCallError, parseRetryAfter } from './retry';

function apiError(status: number, code: APIErrorCode, headers: Record<string, string> = {}): APIResponseError {
  return new APIResponseError({
    code,
    status,
    message: code,
    headers: new Headers(headers),
    rawBodyText: '{}',
    additional_data: undefined,
    request_id: undefined,
  });
}

function htmlError(status: number): UnknownHTTPResponseError {
  return new UnknownHTTPResponseError({ status, message: undefined, headers: new Headers({ 'content-type': 'text/html' }), rawBodyText: '<html>' });
}

const networkError = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });

describe('classifyNotionFailure', () => {
  it.each([
    [apiError(429, APIErrorCode.RateLimited, { 'retry-after': '7' }), { kind: 'rate-limited', retryAfterMs: 7000 }],
    [apiError(529, APIErrorCode.ServiceOverload), { kind: 'rate-limited', retryAfterMs: undefined }],
    [htmlError(429), { kind: 'rate-limited' }],
    [apiError(409, APIErrorCode.ConflictError), { kind: 'transient' }],
    [apiError(500, APIErrorCode.InternalServerError), { kind: 'transient' }],
    [htmlError(502), { kind: 'transient' }],
    [apiError(503, APIErrorCode.ServiceUnavailable), { kind: 'transient' }],
    [apiError(504, APIErrorCode.GatewayTimeout), { kind: 'transient' }],
    [new RequestTimeoutError(), { kind: 'transient', reason: 'timeout' }],
    [networkError(), { kind: 'transient' }],
    [apiError(400, APIErrorCode.ValidationError), { kind: 'permanent' }],
    [apiError(401, APIErrorCode.Unauthorized), { kind: 'permanent' }],
    [apiError(404, APIErrorCode.ObjectNotFound), { kind: 'permanent' }],
    [new Error('bug'), { kind: 'permanent' }],
  ])('%s', (error, expected) => {
    expect(classifyNotionFailure(error)).toMatchObject(expected);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const policy: RetryPolicy = { maxTransientAttempts: 5, maxRateLimitedAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000, defaultRetryAfterMs: 1 };
  it('grows exponentially, with jitter, up to the cap', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 1)).toBe(800);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
  });
});

describe('callNotion', () => {
  const policy: RetryPolicy = { maxTransientAttempts: 3, maxRateLimitedAttempts: 4, baseDelayMs: 1, maxDelayMs: 2, defaultRetryAfterMs: 5 };
  const limiter = () => new RateLimiter({ requestsPerSecond: 1000, burst: 1000 });
  const sleep = vi.fn(async () => undefined);

  it('retries transient failures and counts every request', async () => {
    const operation = vi.fn().mockRejectedValueOnce(htmlError(502)).mockRejectedValueOnce(networkError()).mockResolvedValue('ok');
    const onRequest = vi.fn();
    await expect(callNotion(operation, { limiter: limiter(), policy, sleep, onRequest })).resolves.toBe('ok');
    expect(onRequest).toHaveBeenCalledTimes(3);
  });

  it('gives up after the transient budget with a NotionCallError', async () => {
    const operation = vi.fn().mockRejectedValue(apiError(503, APIErrorCode.ServiceUnavailable));
    const error = await callNotion(operation, { limiter: limiter(), policy, sleep }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotionCallError);
    expect((error as NotionCallError).attempts).toBe(3);
    expect((error as Error).message).toMatch(/kept failing \(HTTP 503\) after 3 attempts/);
  });

  it('does not retry permanent failures', async () => {
    const operation = vi.fn().mockRejectedValue(apiError(404, APIErrorCode.ObjectNotFound));
    await expect(callNotion(operation, { limiter: limiter(), policy, sleep })).rejects.toBeInstanceOf(NotionCallError);
    expect(operation).toHaveBeenCalledOnce();
  });

  it('pauses the shared limiter for the full Retry-After on 429', async () => {
    const shared = limiter();
    const pause = vi.spyOn(shared, 'pauseFor');
    const operation = vi
      .fn()
      .mockRejectedValueOnce(apiError(429, APIErrorCode.RateLimited, { 'retry-after': '0.01' }))
      .mockResolvedValue('ok');
    await expect(callNotion(operation, { limiter: shared, policy, sleep })).resolves.toBe('ok');
    expect(pause).toHaveBeenCalledWith(10);
  });

  it('does not wait for a Retry-After above maxRetryAfterMs', async () => {
    const shared = limiter();
    const pause = vi.spyOn(shared, 'pauseFor');
    const operation = vi.fn().mockRejectedValue(apiError(429, APIErrorCode.RateLimited, { 'retry-after': '120' }));
    const error = await callNotion(operation, { limiter: shared, policy: { ...policy, maxRetryAfterMs: 10_000 }, sleep }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NotionCallError);
    expect((error as NotionCallError).failure).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    expect(operation).toHaveBeenCalledOnce();
    expect(pause).not.toHaveBeenCalled();
  });

  it('asks verifyWrite before retrying an ambiguous write failure', async () => {
    const operation = vi.fn().mockRejectedValue(new RequestTimeoutError());
    const verifyWrite = vi.fn().mockResolvedValue({ id: 'created-anyway' });
    await expect(callNotion(operation, { limiter: limiter(), policy, sleep, verifyWrite })).resolves.toEqual({
      id: 'created-anyway',
    });
    expect(operation).toHaveBeenCalledOnce();
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    const operation = vi.fn(async () => {
      controller.abort(new Error('cancelled'));
      throw htmlError(502);
    });
    await expect(callNotion(operation, { limiter: limiter(), policy, signal: controller.signal })).rejects.toThrow('cancelled');
    expect(operation).toHaveBeenCalledOnce();
  });
});
