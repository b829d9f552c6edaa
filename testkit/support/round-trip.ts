/**
 * Compares an original snapshot with a crawl of what a restore created, object by object, and scores
 * each aspect (used by the round-trip test; prints a table). Blocks are compared by type, text and
 * annotations, in order and nesting; objects are matched by their path of titles.
 */
import { isApiEmbeddable, isYouTubeUrl } from '../../electron/engine/restore/convert/block-media';
import type { IndexEntry, StoredBlock } from '../../electron/engine/snapshot/format';
import { blockPayload } from '../../electron/engine/snapshot/format';
import { recordOf } from '../../electron/engine/snapshot/json-values';
import type { SnapshotReader } from '../../electron/engine/snapshot/reader';

export interface AspectScore {
  aspect: string;
  matched: number;
  total: number;
  differences: string[];
}

type TitleOf = (id: string | undefined) => string;

function plain(items: unknown, titleOf: TitleOf = () => ''): string {
  if (!Array.isArray(items)) return '';
  return items
    .map((item) => {
      const value = item as {
        type?: string;
        plain_text?: string;
        annotations?: Record<string, unknown>;
        mention?: { type?: string; page?: { id?: string }; database?: { id?: string } };
      };
      // A user mention shows the user's current name, whatever the stored text said.
      if (value.type === 'mention' && value.mention?.type === 'user') return '@user';
      if (value.type === 'mention' && (value.mention?.type === 'page' || value.mention?.type === 'database')) {
        return `@${value.mention.type}(${titleOf(value.mention.page?.id ?? value.mention.database?.id)})`;
      }
      const marks = Object.entries(value.annotations ?? {})
        .filter(([key, on]) => key !== 'color' && on === true)
        .map(([key]) => key[0])
        .join('');
      return marks ? `[${marks}]${value.plain_text ?? ''}` : (value.plain_text ?? '');
    })
    .join('');
}

/** What a block should look like after a restore: Notion limitations applied, ids left out. */
export function expectedBlockSignature(block: StoredBlock, titleOf: TitleOf = () => ''): string | null {
  const body = blockPayload(block);
  switch (block.type) {
    case 'unsupported':
    case 'template':
    case 'meeting_notes':
    case 'transcription':
    case 'child_page':
    case 'child_database':
      return null;
    case 'link_preview':
      return 'bookmark';
    case 'embed': {
      const url = String(body.url ?? '');
      if (isApiEmbeddable(url)) return 'embed';
      return isYouTubeUrl(url) ? `video:${plain(body.caption, titleOf)}` : 'bookmark';
    }
    case 'table_row':
      return `table_row:${((body.cells as unknown[]) ?? []).map((cell) => plain(cell, titleOf)).join('|')}`;
    case 'image':
    case 'video':
    case 'audio':
    case 'pdf':
    case 'file':
      return `${block.type}:${plain(body.caption, titleOf)}`;
    case 'synced_block':
      return body.synced_from ? 'synced_block(copy)' : 'synced_block(original)';
    case 'link_to_page':
      return `link_to_page:${titleOf(String(body.page_id ?? body.database_id ?? ''))}`;
    default:
      return 'rich_text' in body ? `${block.type}:${plain(body.rich_text, titleOf)}` : block.type;
  }
}

async function blockSignatures(reader: SnapshotReader, dir: string, blocks: StoredBlock[], depth = 0): Promise<string[]> {
  const lines: string[] = [];
  const titleOf = (id: string | undefined): string => (id ? (reader.entry(id)?.title ?? `unknown ${id.slice(0, 4)}`) : '');
  for (const block of blocks) {
    // A page or database inside a block comes back beside it, with a link where it stood.
    const nested = depth > 0 && (block.type === 'child_page' || block.type === 'child_database');
    const signature = nested ? (reader.entry(block.id) ? `link_to_page:${titleOf(block.id)}` : null) : expectedBlockSignature(block, titleOf);
    if (signature === null) continue;
    lines.push(`${'  '.repeat(depth)}${signature}`);
    const synced = blockPayload(block).synced_from;
    if (block.has_children && !synced && !nested) {
      const children = (await reader.blockChildren(dir, block.id)) ?? [];
      // A column whose first child cannot be created with it keeps the (empty) placeholder paragraph it
      // was created with, before what came later.
      const first = children[0];
      const placeholder = block.type === 'column' && first !== undefined && (first.type === 'child_page' || first.type === 'child_database');
      if (placeholder) lines.push(`${'  '.repeat(depth + 1)}paragraph:`);
      lines.push(...(await blockSignatures(reader, `${dir}/${block.id}`, children, depth + 1)));
    }
  }
  return lines;
}

function titlePaths(reader: SnapshotReader, entries: readonly IndexEntry[], prefixLength: number): Map<string, IndexEntry> {
  const byId = new Map(reader.index().map((entry) => [entry.id, entry]));
  const paths = new Map<string, IndexEntry>();
  for (const entry of entries) {
    const titles: string[] = [];
    for (let current: IndexEntry | undefined = entry; current; current = current.parentId ? byId.get(current.parentId) : undefined) {
      titles.unshift(`${current.object}:${current.title}`);
    }
    paths.set(titles.slice(prefixLength).join(' / '), entry);
  }
  return paths;
}

export async function compareRestore(original: SnapshotReader, restored: SnapshotReader, restoredRootId: string): Promise<AspectScore[]> {
  const source = titlePaths(original, original.index(), 0);
  const restoredEntries = restored.index().filter((entry) => entry.id !== restoredRootId);
  const target = titlePaths(restored, restoredEntries, 1);
  const scores: AspectScore[] = [];
  const score = (aspect: string): AspectScore => {
    const created: AspectScore = { aspect, matched: 0, total: 0, differences: [] };
    scores.push(created);
    return created;
  };

  const tree = score('pages and databases (titles and tree shape)');
  const blocks = score('page content (block order, types, text, annotations, nesting)');
  const schemas = score('database schemas (property names and types)');
  const files = score('files (by SHA-256 and original name)');
  const comments = score('comments (text)');
  const values = score('row values (every writable property; relations by title)');
  for (const [titlePath, entry] of source) {
    tree.total += 1;
    const match = target.get(titlePath);
    if (!match) {
      tree.differences.push(`missing: ${titlePath}`);
      continue;
    }
    tree.matched += 1;
    if (entry.object === 'page') {
      blocks.total += 1;
      const [before, after] = await Promise.all([original.page(entry), restored.page(match)]);
      const expected = await blockSignatures(original, entry.path, before.children);
      const actual = await blockSignatures(restored, match.path, after.children);
      if (expected.join('\n') === actual.join('\n')) blocks.matched += 1;
      else {
        blocks.differences.push(`${titlePath}: ${firstDifference(expected, actual)}`);
        if (process.env.DEBUG_ROUND_TRIP) console.log(expected.slice(0, 12).join('\n'), '\n====\n', actual.slice(0, 12).join('\n'));
      }
      files.total += 1;
      const [originalFiles, restoredFiles] = await Promise.all([fileHashes(original, entry.path), fileHashes(restored, match.path)]);
      if (originalFiles === restoredFiles) files.matched += 1;
      else files.differences.push(`${titlePath}: ${originalFiles} ≠ ${restoredFiles}`);
      if (entry.isRow) {
        values.total += 1;
        const [before, after] = await Promise.all([rowValues(original, entry), rowValues(restored, match)]);
        if (before === after) values.matched += 1;
        else values.differences.push(`${titlePath}: ${before} ≠ ${after}`);
      }
      comments.total += 1;
      const [originalComments, restoredComments] = await Promise.all([commentTexts(original, entry.path), commentTexts(restored, match.path)]);
      if (originalComments === restoredComments) comments.matched += 1;
      else comments.differences.push(`${titlePath}: ${originalComments} ≠ ${restoredComments}`);
    } else {
      schemas.total += 1;
      const [before, after] = await Promise.all([original.database(entry), restored.database(match)]);
      // Verification properties exist only in wikis, which the API cannot create.
      const describe = (sources: Array<Record<string, unknown>>) =>
        sources
          .map((source) =>
            Object.entries((source.properties ?? {}) as Record<string, { type: string }>)
              .filter(([, value]) => value.type !== 'verification')
              .map(([name, value]) => `${name}:${value.type}`)
              .sort()
              .join(','),
          )
          .join(' | ');
      if (describe(before.dataSources) === describe(after.dataSources)) schemas.matched += 1;
      else schemas.differences.push(`${titlePath}: ${describe(before.dataSources)} ≠ ${describe(after.dataSources)}`);
    }
  }
  return scores;
}

function firstDifference(expected: string[], actual: string[]): string {
  for (let index = 0; index < Math.max(expected.length, actual.length); index += 1) {
    if (expected[index] !== actual[index]) return `#${index}: expected "${expected[index] ?? '(nothing)'}", got "${actual[index] ?? '(nothing)'}"`;
  }
  return 'identical';
}

async function fileHashes(reader: SnapshotReader, dir: string): Promise<string> {
  return [...(await reader.files(dir)).values()]
    .map((file) => `${file.sha256}:${file.name}`)
    .sort()
    .join(',');
}

async function commentTexts(reader: SnapshotReader, dir: string): Promise<string> {
  return (await reader.comments(dir))
    .map((comment) => plain(comment.rich_text, (id) => (id ? (reader.entry(id)?.title ?? '') : '')))
    .sort()
    .join(' | ');
}

export function formatScores(scores: AspectScore[]): string {
  const rows = scores.map((entry) => `| ${entry.aspect} | ${entry.matched}/${entry.total} | ${entry.differences.length === 0 ? '' : entry.differences.slice(0, 3).join('; ')} |`);
  return ['| aspect | matched | differences |', '| --- | --- | --- |', ...rows].join('\n');
}

/** Computed by Notion (or by the clock): never compared. */
const COMPUTED = new Set(['formula', 'rollup', 'created_time', 'created_by', 'last_edited_time', 'last_edited_by', 'unique_id', 'button', 'verification']);

/** A row's writable values, in a form that does not depend on ids: related pages and mentions by title. */
async function rowValues(reader: SnapshotReader, entry: IndexEntry): Promise<string> {
  const { page } = await reader.page(entry);
  const full = await reader.fullProperties(entry.path);
  const titleOf = (id: string | undefined): string => (id ? (reader.entry(id)?.title ?? `outside:${id.slice(0, 4)}`) : '');
  const fullList = (name: string): unknown[] | undefined => Object.values(full).find((value) => value.name === name)?.results;
  return Object.entries(page.properties)
    .filter(([, value]) => !COMPUTED.has(value.type))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => {
      const items = fullList(name);
      const body = recordOf(value)[value.type];
      switch (value.type) {
        case 'relation': {
          const ids = items ? items.map((item) => (item as { relation?: { id?: string } }).relation?.id) : ((body as Array<{ id?: string }>) ?? []).map((item) => item.id);
          return `${name}=[${ids.map(titleOf).sort().join(';')}]`;
        }
        case 'title':
        case 'rich_text': {
          const text = items ? items.map((item) => (item as Record<string, unknown>)[value.type]) : (body as unknown[]);
          return `${name}=${plain(text, titleOf)}`;
        }
        case 'people': {
          const people = items ? items.map((item) => (item as { people?: unknown }).people) : ((body as unknown[]) ?? []);
          return `${name}=${people.length} people`;
        }
        case 'files':
          return `${name}=[${((body as Array<{ name?: string }>) ?? []).map((file) => file.name).join(';')}]`;
        case 'select':
        case 'status':
          return `${name}=${(body as { name?: string } | null)?.name ?? ''}`;
        case 'multi_select':
          return `${name}=[${((body as Array<{ name?: string }>) ?? []).map((option) => option.name).sort().join(';')}]`;
        default:
          return `${name}=${JSON.stringify(body ?? null)}`;
      }
    })
    .join(', ');
}
