import type { ServerResponse } from 'node:http';
import { sendJson } from './http-io';
import type { EmulatorAdmin } from './types';

type OpName = keyof EmulatorAdmin;

/** HTTP shape of every admin operation: `<method> /__admin/<kebab-name>` with named JSON arguments. */
export const ADMIN_OPS: Record<OpName, { method: 'GET' | 'POST'; args: readonly string[] }> = {
  load: { method: 'POST', args: ['workspace'] },
  dump: { method: 'GET', args: [] },
  reset: { method: 'POST', args: [] },
  requestCounts: { method: 'GET', args: [] },
  resetCounts: { method: 'POST', args: [] },
  setFaults: { method: 'POST', args: ['config'] },
  setRateLimit: { method: 'POST', args: ['config'] },
  setClockOffsetMs: { method: 'POST', args: ['ms'] },
  now: { method: 'GET', args: [] },
  omitFromSearch: { method: 'POST', args: ['ids'] },
  setQueryRowCap: { method: 'POST', args: ['rows'] },
  editPage: { method: 'POST', args: ['pageId', 'patch'] },
  touchPage: { method: 'POST', args: ['pageId'] },
  deletePage: { method: 'POST', args: ['pageId'] },
  appendBlocks: { method: 'POST', args: ['parentId', 'children'] },
  updateBlock: { method: 'POST', args: ['blockId', 'patch'] },
  tokens: { method: 'GET', args: [] },
};

export function adminPath(name: string): string {
  return `/__admin/${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

const OPS_BY_PATH = new Map(Object.keys(ADMIN_OPS).map((name) => [adminPath(name), name as OpName]));

/** Serves the admin API (no auth, never under /v1): `{result}` on success, `{error}` with 400 on failure. */
export function handleAdminHttp(admin: EmulatorAdmin, method: string, url: URL, rawBody: Buffer, res: ServerResponse): void {
  const name = OPS_BY_PATH.get(url.pathname);
  const op = name ? ADMIN_OPS[name] : undefined;
  if (!name || !op) {
    sendJson(res, 404, { error: `unknown admin operation ${url.pathname}`, operations: [...OPS_BY_PATH.keys()] });
    return;
  }
  if (method !== op.method) {
    sendJson(res, 405, { error: `${url.pathname} expects ${op.method}` });
    return;
  }
  try {
    const body = rawBody.length > 0 ? (JSON.parse(rawBody.toString('utf8')) as Record<string, unknown>) : {};
    const fn = admin[name] as (...args: unknown[]) => unknown;
    const result = fn(...op.args.map((arg) => body[arg]));
    sendJson(res, 200, { result: result ?? null });
  } catch (error) {
    sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
