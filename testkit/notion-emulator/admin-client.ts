import { ADMIN_OPS, adminPath } from './admin-http';
import type { WorkspaceFixture } from './fixture-types';
import type { FaultConfig, PageEditPatch, RateLimitConfig, RequestCounts } from './types';

/** Typed HTTP client for a standalone emulator's admin API (same operations as `EmulatorAdmin`, async). */
export class EmulatorAdminClient {
  private readonly baseUrl: string;

  /** @param emulatorUrl e.g. `http://127.0.0.1:41234` */
  constructor(emulatorUrl: string) {
    this.baseUrl = emulatorUrl.replace(/\/+$/, '');
  }

  private async call<T>(name: keyof typeof ADMIN_OPS, args: Record<string, unknown> = {}): Promise<T> {
    const op = ADMIN_OPS[name];
    const response = await fetch(`${this.baseUrl}${adminPath(name)}`, {
      method: op.method,
      headers: op.method === 'POST' ? { 'content-type': 'application/json' } : undefined,
      body: op.method === 'POST' ? JSON.stringify(args) : undefined,
    });
    const payload = (await response.json()) as { result?: T; error?: string };
    if (!response.ok) throw new Error(`emulator admin ${name} failed (${response.status}): ${payload.error ?? 'unknown error'}`);
    return payload.result as T;
  }

  load(workspace: WorkspaceFixture): Promise<void> {
    return this.call('load', { workspace });
  }

  dump(): Promise<WorkspaceFixture> {
    return this.call('dump');
  }

  reset(): Promise<void> {
    return this.call('reset');
  }

  requestCounts(): Promise<RequestCounts> {
    return this.call('requestCounts');
  }

  resetCounts(): Promise<void> {
    return this.call('resetCounts');
  }

  setFaults(config: FaultConfig | null): Promise<void> {
    return this.call('setFaults', { config });
  }

  setRateLimit(config: RateLimitConfig | false): Promise<void> {
    return this.call('setRateLimit', { config });
  }

  setClockOffsetMs(ms: number): Promise<void> {
    return this.call('setClockOffsetMs', { ms });
  }

  now(): Promise<string> {
    return this.call('now');
  }

  omitFromSearch(ids: string[]): Promise<void> {
    return this.call('omitFromSearch', { ids });
  }

  setQueryRowCap(rows: number): Promise<void> {
    return this.call('setQueryRowCap', { rows });
  }

  editPage(pageId: string, patch: PageEditPatch): Promise<void> {
    return this.call('editPage', { pageId, patch });
  }

  touchPage(pageId: string): Promise<void> {
    return this.call('touchPage', { pageId });
  }

  deletePage(pageId: string): Promise<void> {
    return this.call('deletePage', { pageId });
  }

  appendBlocks(parentId: string, children: unknown[]): Promise<string[]> {
    return this.call('appendBlocks', { parentId, children });
  }

  updateBlock(blockId: string, patch: Record<string, unknown>): Promise<void> {
    return this.call('updateBlock', { blockId, patch });
  }

  tokens(): Promise<Record<string, string>> {
    return this.call('tokens');
  }
}
