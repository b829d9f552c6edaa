import type { EmulatorEnv } from './context';
import type { RequestCounter } from './counters';
import { appendChildren, patchBlock } from './endpoints/blocks';
import { applyPageUpdate } from './endpoints/pages';
import { bumpContainingPage } from './endpoints/shared';
import type { FaultInjector } from './faults';
import type { FixturePage, FixtureToken, WorkspaceFixture } from './fixture-types';
import { normalizeId } from './ids';
import { PARENT_BLOCKS } from './input/block-payloads';
import type { ParentShape } from './input/blocks';
import type { InputContext } from './input/common';
import type { RateLimiter } from './rate-limiter';
import { touch } from './store';
import type { EmulatorAdmin, PageEditPatch } from './types';

export interface AdminDeps {
  env: EmulatorEnv;
  initialWorkspace: WorkspaceFixture;
  limiter: RateLimiter;
  faults: FaultInjector;
  counter: RequestCounter;
  setQueryRowCap(rows: number): void;
}

function requireId(raw: string): string {
  const id = normalizeId(raw);
  if (!id) throw new Error(`not a Notion id: ${raw}`);
  return id;
}

/** The in-process control surface; edits behave like the workspace owner working in the Notion app. */
export function createAdmin(deps: AdminDeps): EmulatorAdmin {
  const { env } = deps;
  const { store } = env;

  // Edits "in the app" are made by the workspace owner, with no API limits and full visibility.
  const appContext = (): InputContext => {
    const owner = store.workspace.ownerUserId;
    const token: FixtureToken = {
      name: '__notion_app__',
      secret: '',
      kind: 'personal',
      userId: owner,
      capabilities: { readContent: true, updateContent: true, insertContent: true, readComments: true, insertComments: true, userInfo: 'with_email' },
      shared: [],
    };
    return { env, store, token, version: '2026-03-11', userId: owner, nowMinute: env.clock.nowMinuteIso(), pendingEffects: [] };
  };

  const page = (pageId: string): FixturePage => {
    const found = store.pages.get(requireId(pageId));
    if (!found) throw new Error(`no page ${pageId}`);
    return found;
  };

  return {
    load: (workspace) => store.load(workspace),
    dump: () => store.dump(),
    reset: () => store.load(deps.initialWorkspace),
    requestCounts: () => deps.counter.snapshot(),
    resetCounts: () => deps.counter.reset(),
    setFaults: (config) => deps.faults.configure(config),
    setRateLimit: (config) => deps.limiter.configure(config),
    setClockOffsetMs: (ms) => env.clock.setOffsetMs(ms),
    now: () => env.clock.nowIso(),
    omitFromSearch: (ids) => {
      for (const id of ids) store.searchOmitted.add(requireId(id));
    },
    setQueryRowCap: (rows) => deps.setQueryRowCap(rows),
    editPage: (pageId, patch: PageEditPatch) => {
      const target = page(pageId);
      const properties: Record<string, unknown> = { ...(patch.properties ?? {}) };
      if (patch.title !== undefined) {
        const titleName = Object.keys(target.properties).find((name) => target.properties[name]?.type === 'title') ?? 'title';
        properties[titleName] = { title: [{ type: 'text', text: { content: patch.title } }] };
      }
      const body: Record<string, unknown> = { properties };
      if (patch.icon !== undefined) body['icon'] = patch.icon;
      if (patch.cover !== undefined) body['cover'] = patch.cover;
      applyPageUpdate(target, body, patch.inTrash, appContext());
    },
    touchPage: (pageId) => {
      const ctx = appContext();
      touch(page(pageId), ctx.userId, ctx.nowMinute);
    },
    deletePage: (pageId) => {
      const ctx = appContext();
      const target = page(pageId);
      target.inTrash = true;
      touch(target, ctx.userId, ctx.nowMinute);
    },
    appendBlocks: (parentId, children) => {
      const id = requireId(parentId);
      const block = store.blocks.get(id);
      if (!block && !store.pages.has(id)) throw new Error(`no page or block ${parentId}`);
      if (block && !PARENT_BLOCKS.has(block.type)) throw new Error(`block type ${block.type} cannot have children`);
      const shape: ParentShape = block
        ? { type: block.type, tableWidth: block.type === 'table' ? Number(block.payload['table_width']) : undefined }
        : { type: 'page' };
      return appendChildren(appContext(), id, shape, children, { type: 'end' }, false).map((created) => created.id);
    },
    updateBlock: (blockId, patch) => {
      const id = requireId(blockId);
      const block = store.blocks.get(id);
      if (!block) throw new Error(`no block ${blockId}`);
      const ctx = appContext();
      patchBlock(ctx, block, patch);
      touch(block, ctx.userId, ctx.nowMinute);
      const container = store.containerOf(id);
      if (container) bumpContainingPage(ctx, container.id);
    },
    tokens: () => Object.fromEntries(store.tokens.map((token) => [token.name, token.secret])),
  };
}
