// A page's "own tree" on disk: its JSON, sidecar files, stored files and block folders, without the
// folders of nested pages and databases (each is an object of its own). Reuse copies it, a refetch
// clears it, and both incremental and resumed crawls read files stored in such trees.
import { mkdir, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { LINKED_VIEWS_FILE, linkedViewsFileSchema } from '../../snapshot/format';
import { linkOrCopy } from './link-or-copy';
import { removeTree } from '../../fs/remove-tree';

/** A linked_views.json of a reused page: its directory and the linked databases it names. */
export interface CopiedLinkedViews {
  dir: string;
  blockIds: string[];
}

/** True when the directory holds a page or a database (page.json or database.json). */
export async function holdsObject(dir: string): Promise<boolean> {
  for (const name of ['page.json', 'database.json']) {
    try {
      await stat(path.join(dir, name));
      return true;
    } catch {
      // not there
    }
  }
  return false;
}

/**
 * Copies an own tree from `from` to `to` (`relativeTo` is `to` inside the snapshot); `from === to`
 * only walks it. Either way, the linked_views.json files met are listed.
 */
export async function copyOwnTreeFiles(from: string, to: string, relativeTo: string, linked: CopiedLinkedViews[]): Promise<void> {
  const inPlace = path.resolve(from) === path.resolve(to);
  if (!inPlace) await mkdir(to, { recursive: true, mode: 0o700 });
  for (const item of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, item.name);
    if (item.isDirectory()) {
      if (await holdsObject(source)) continue;
      await copyOwnTreeFiles(source, path.join(to, item.name), `${relativeTo}/${item.name}`, linked);
    } else if (item.isFile()) {
      if (!inPlace) await linkOrCopy(source, path.join(to, item.name));
      if (item.name === LINKED_VIEWS_FILE) linked.push({ dir: relativeTo, blockIds: await linkedDatabaseIds(source) });
    }
  }
}

/** The linked databases a linked_views.json names; none when it is damaged (they are then lost). */
async function linkedDatabaseIds(file: string): Promise<string[]> {
  try {
    return Object.keys(linkedViewsFileSchema.parse(JSON.parse(await readFile(file, 'utf8'))));
  } catch {
    return [];
  }
}

/** Empties an own tree (or a block folder), leaving the folders of nested pages and databases. */
export async function clearOwnTree(dir: string): Promise<void> {
  let items;
  try {
    items = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const item of items) {
    const child = path.join(dir, item.name);
    if (!item.isDirectory()) await rm(child, { force: true });
    else if (!(await holdsObject(child))) {
      await clearOwnTree(child);
      await rmdir(child).catch(() => undefined);
    }
  }
}

/**
 * Removes the folders of pages and databases that are not at one of `paths` (relative to `root`):
 * left in a resumed crawl's tree by objects deleted or moved since the interruption.
 */
export async function removeStrayObjects(root: string, paths: ReadonlySet<string>, relative = ''): Promise<void> {
  for (const item of await readdir(path.join(root, relative), { withFileTypes: true })) {
    if (!item.isDirectory()) continue;
    const child = relative ? `${relative}/${item.name}` : item.name;
    const absolute = path.join(root, child);
    if ((await holdsObject(absolute)) && !paths.has(child)) await removeTree(absolute);
    else await removeStrayObjects(root, paths, child);
  }
}
