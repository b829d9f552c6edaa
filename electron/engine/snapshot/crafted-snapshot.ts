// Test support: tiny hand-made snapshots, as someone who can write to a store could craft them.
import path from 'node:path';
import type { SnapshotSource } from './snapshot-source';

export const PAGE = '1df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
export const BLOCK = '3df812ff-a7bf-80b8-b4f1-dcb8e8a53de8';
export const SECRET = 'SECRET-OUTSIDE-THE-SNAPSHOT';

const title = (text: string) => ({ Name: { id: 'title', type: 'title', title: [{ type: 'text', text: { content: text, link: null }, plain_text: text, annotations: {} }] } });

/**
 * One page "Home" (id `pageId`, folder `pageDir`) with one file block whose stored copy is `file`:
 * the files a snapshot of ours holds, keyed by path. Hostile values go in through the parameters.
 */
export function craftedSnapshot(options: { pageId?: string; pageDir?: string; file?: string } = {}): Record<string, unknown> {
  const pageId = options.pageId ?? PAGE;
  const dir = options.pageDir ?? pageId;
  const url = 'https://files.example/x/report.pdf';
  return {
    'content.json': [{ parent: { page_id: '/' }, id: pageId, object: 'page' }],
    'manifest.json': {
      format: 'notion-plakar-snapshot', formatVersion: 1, notionApiVersion: '2026-03-11', workspace: { id: null, name: null }, mode: 'full',
      startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:00.000Z', counts: {}, unreachable: [], unsupportedBlocks: [], failedFiles: [], warnings: [],
    },
    'index.json': [{ id: pageId, object: 'page', title: 'Home', icon: null, path: dir, parentId: null, isRow: false, lastEditedTime: null, url: null }],
    'users.json': [],
    [`${dir}/page.json`]: {
      object: 'page', id: pageId, parent: { type: 'workspace', workspace: true }, properties: title('Home'),
      children: [{ object: 'block', id: BLOCK, type: 'file', has_children: false, file: { type: 'file', file: { url, expiry_time: null }, name: 'report.pdf', caption: [] } }],
    },
    [`${dir}/files.json`]: {
      [`block:${BLOCK}`]: { file: options.file ?? `${BLOCK}.pdf`, name: 'report.pdf', size: 3, sha256: '', contentType: 'application/pdf', sourceKey: url },
    },
    [`${dir}/${BLOCK}.pdf`]: 'PDF',
  };
}

/**
 * Files served the way `plakar cat` and `plakar ls` serve a snapshot's: every path is resolved
 * inside the snapshot first, so `../../x` reads `/x` of the snapshot (the reviewer's exploit).
 */
export function storeLikeSource(files: Record<string, unknown>): SnapshotSource {
  const inside = (relative: string) => path.posix.normalize(`/${relative}`).replace(/^\/+|\/+$/g, '');
  const bytes = new Map(Object.entries(files).map(([name, value]) => [inside(name), Buffer.from(typeof value === 'string' ? value : JSON.stringify(value))]));
  return {
    async readBytes(relative) {
      return bytes.get(inside(relative));
    },
    async listDirectory(relative) {
      const prefix = inside(relative) === '' ? '' : `${inside(relative)}/`;
      const items = new Map<string, boolean>();
      for (const name of bytes.keys()) {
        if (!name.startsWith(prefix)) continue;
        const rest = name.slice(prefix.length).split('/');
        items.set(rest[0] ?? '', rest.length > 1);
      }
      return [...items].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}
