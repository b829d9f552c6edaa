// Shared setup of the emulator tests: crawl the rich fixture, read the snapshot back, send converted payloads.
import { Client, isNotionClientError } from '@notionhq/client';
import type { IndexEntry, StoredBlock } from '../../electron/engine/snapshot/format';
import { directorySource, SnapshotReader } from '../../electron/engine/snapshot/reader';
import type { RunningEmulator } from '../notion-emulator';
import { richWorkspaceFacts, startNotionEmulator } from '../notion-emulator';
import type { FakeContext } from './convert-context';
import { fakeContext } from './convert-context';
import { crawlEmulator, removeAll } from './crawl';

export interface CrawledWorkspace {
  emulator: RunningEmulator;
  notion: Client;
  reader: SnapshotReader;
  close(): Promise<void>;
}

export async function crawledRichWorkspace(): Promise<CrawledWorkspace> {
  const emulator = await startNotionEmulator({ rateLimit: false });
  const crawl = await crawlEmulator(emulator);
  const reader = await SnapshotReader.open(directorySource(crawl.dir));
  const notion = new Client({ auth: emulator.tokens.full, baseUrl: emulator.url, notionVersion: '2026-03-11' });
  return {
    emulator,
    notion,
    reader,
    close: async () => {
      await emulator.close();
      await removeAll(crawl.dir);
    },
  };
}

/** A stored block with its stored children (read from `<dir>/<id>/blocks.json`). */
export interface StoredNode {
  block: StoredBlock;
  children: StoredNode[];
}

async function loadNodes(reader: SnapshotReader, dir: string, blocks: StoredBlock[]): Promise<StoredNode[]> {
  const nodes: StoredNode[] = [];
  for (const block of blocks) {
    const stored = block.has_children ? await reader.blockChildren(dir, block.id) : undefined;
    nodes.push({ block, children: stored ? await loadNodes(reader, `${dir}/${block.id}`, stored) : [] });
  }
  return nodes;
}

/** Every page and row of the snapshot with its full block tree, in index order. */
export async function storedPages(reader: SnapshotReader): Promise<Array<{ entry: IndexEntry; nodes: StoredNode[] }>> {
  const pages: Array<{ entry: IndexEntry; nodes: StoredNode[] }> = [];
  for (const entry of reader.index()) {
    if (entry.object !== 'page') continue;
    const { children } = await reader.page(entry);
    pages.push({ entry, nodes: await loadNodes(reader, entry.path, children) });
  }
  return pages;
}

export function flatten(nodes: StoredNode[]): StoredNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** A page the test owns, under the fixture's Home page. */
export async function createTargetPage(notion: Client, title: string): Promise<string> {
  const page = await notion.pages.create({
    parent: { type: 'page_id', page_id: richWorkspaceFacts.ids.home },
    properties: { title: { title: [{ type: 'text', text: { content: title } }] } },
  });
  return page.id;
}

/** Runs a request and turns a Notion error into a readable failure (code, message and what was sent). */
export async function accepted<T>(what: string, body: unknown, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (isNotionClientError(error)) {
      throw new Error(`${what} was refused: ${error.code}: ${error.message}\n${JSON.stringify(body).slice(0, 2000)}`);
    }
    throw error;
  }
}

/** Users of the snapshot mapped to themselves: the restore target is the same emulated workspace. */
export async function contextWithUsers(reader: SnapshotReader): Promise<FakeContext> {
  const users = Object.fromEntries((await reader.users()).map((user) => [user.id, user.id]));
  const titles = Object.fromEntries(reader.index().map((entry) => [entry.id, entry.title]));
  return fakeContext({ users, titles });
}
