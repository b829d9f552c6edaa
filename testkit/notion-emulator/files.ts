import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { Clock } from './clock';
import { bytesForContent } from './file-bytes';
import { sendText } from './http-io';
import type { Store } from './store';

export const SIGNED_URL_TTL_SECONDS = 3600;
export const FILES_PREFIX = '/__files/';

function amzDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/[-:]/g, '').replace('.000', '');
}

function parseAmzDate(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi, s] = match;
  return Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.000Z`);
}

/** Mints and checks S3-style presigned URLs for Notion-hosted files. */
export class FileSigner {
  private readonly secret = randomUUID();

  constructor(
    private readonly clock: Clock,
    private readonly baseUrl: () => string,
  ) {}

  private signature(fileId: string, filename: string, date: string, expires: string): string {
    return createHmac('sha256', this.secret).update(`${fileId}\n${filename}\n${date}\n${expires}`).digest('hex');
  }

  /** A fresh `{url, expiry_time}` valid for one hour from now (emulator clock). */
  sign(fileId: string, filename: string): { url: string; expiry_time: string } {
    const issuedMs = this.clock.nowMs();
    const date = amzDate(issuedMs);
    const expires = String(SIGNED_URL_TTL_SECONDS);
    const params = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
      'X-Amz-Credential': `EMULATORKEY/${date.slice(0, 8)}/us-west-2/s3/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': expires,
      'X-Amz-Signature': this.signature(fileId, filename, date, expires),
      'X-Amz-SignedHeaders': 'host',
      'x-id': 'GetObject',
    });
    return {
      url: `${this.baseUrl()}${FILES_PREFIX}${fileId}/${encodeURIComponent(filename)}?${params.toString()}`,
      expiry_time: new Date(issuedMs + SIGNED_URL_TTL_SECONDS * 1000).toISOString(),
    };
  }

  check(fileId: string, filename: string, params: URLSearchParams): 'ok' | 'expired' | 'denied' {
    const date = params.get('X-Amz-Date') ?? '';
    const expires = params.get('X-Amz-Expires') ?? '';
    const given = Buffer.from(params.get('X-Amz-Signature') ?? '', 'utf8');
    const expected = Buffer.from(this.signature(fileId, filename, date, expires), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'denied';
    const issuedMs = parseAmzDate(date);
    if (Number.isNaN(issuedMs)) return 'denied';
    return this.clock.nowMs() > issuedMs + Number(expires) * 1000 ? 'expired' : 'ok';
  }

  /** Parses `/__files/<id>/<filename>` into the file id and the decoded filename. */
  static parsePath(pathname: string): { fileId: string; filename: string } | null {
    const match = /^\/__files\/([^/]+)\/([^/]+)$/.exec(pathname);
    if (!match?.[1] || !match[2]) return null;
    try {
      return { fileId: match[1], filename: decodeURIComponent(match[2]) };
    } catch {
      return null;
    }
  }
}

export function fileBytes(store: Store, fileId: string): Buffer | undefined {
  const uploaded = store.uploadedBytes.get(fileId);
  if (uploaded) return uploaded;
  const file = store.files.get(fileId);
  return file ? bytesForContent(file.content) : undefined;
}

function s3Error(code: string, message: string, extra: Record<string, string>): string {
  const fields = Object.entries(extra)
    .map(([key, value]) => `<${key}>${value}</${key}>`)
    .join('');
  const requestId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message>${fields}<RequestId>${requestId}</RequestId><HostId>emulator</HostId></Error>`;
}

/** Serves GET/HEAD on a signed file URL; returns the HTTP status sent. */
export function serveFile(
  store: Store,
  signer: FileSigner,
  clock: Clock,
  url: URL,
  method: string,
  res: ServerResponse,
): number {
  const parsed = FileSigner.parsePath(url.pathname);
  const file = parsed ? store.files.get(parsed.fileId) : undefined;
  const verdict = parsed && file && file.filename === parsed.filename ? signer.check(parsed.fileId, parsed.filename, url.searchParams) : 'denied';
  if (verdict === 'expired') {
    const date = url.searchParams.get('X-Amz-Date') ?? '';
    const body = s3Error('AccessDenied', 'Request has expired', {
      'X-Amz-Expires': url.searchParams.get('X-Amz-Expires') ?? '',
      Expires: new Date(parseAmzDate(date) + SIGNED_URL_TTL_SECONDS * 1000).toISOString(),
      ServerTime: clock.nowIso(),
    });
    sendText(res, 403, 'application/xml', body);
    return 403;
  }
  const bytes = verdict === 'ok' && parsed ? fileBytes(store, parsed.fileId) : undefined;
  if (!file || !bytes) {
    sendText(res, 403, 'application/xml', s3Error('AccessDenied', 'Access Denied', {}));
    return 403;
  }
  res.writeHead(200, {
    'content-type': file.contentType,
    'content-length': bytes.length,
    'content-disposition': `inline; filename="${encodeURIComponent(file.filename)}"`,
  });
  res.end(method === 'HEAD' ? undefined : bytes);
  return 200;
}
