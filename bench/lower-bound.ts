import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The fewest requests that can fetch what a snapshot holds (with comments: "pages"): one list per
 * 100 children of every page and block with children, one comments list per page, per database one
 * retrieve plus one per data source plus one query per 100 rows, one users list per 100 users, one
 * search call per 100 pages and data sources (search returns full page objects, so pages found by
 * search need no retrieve). Views: per database one list per 100 views plus one retrieve per view (the
 * list names ids only); per linked database the same, plus the database retrieve that answers 404 (no
 * other request tells a linked database from a database).
 */
export async function lowerBoundRequests(snapshotDir: string): Promise<number> {
  let requests = 0;
  let searchable = 0;
  const perHundred = (count: number): number => Math.max(1, Math.ceil(count / 100));

  async function walk(relative: string): Promise<void> {
    const dir = path.join(snapshotDir, relative);
    const items = await readdir(dir, { withFileTypes: true });
    const names = new Set(items.filter((item) => item.isFile()).map((item) => item.name));
    if (names.has('page.json')) {
      const page = JSON.parse(await readFile(path.join(dir, 'page.json'), 'utf8')) as { children: unknown[] };
      requests += perHundred(page.children.length) + 1; // children + comments
      searchable += 1;
    }
    if (names.has('blocks.json')) {
      const blocks = JSON.parse(await readFile(path.join(dir, 'blocks.json'), 'utf8')) as unknown[];
      requests += perHundred(blocks.length);
    }
    if (names.has('database.json')) {
      const sources = JSON.parse(await readFile(path.join(dir, 'data_sources.json'), 'utf8')) as unknown[];
      const rows = items.filter((item) => item.isDirectory()).length;
      requests += 1 + sources.length + perHundred(rows);
      searchable += sources.length;
      if (names.has('views.json')) requests += viewRequests(JSON.parse(await readFile(path.join(dir, 'views.json'), 'utf8')) as unknown[]);
    }
    if (names.has('linked_views.json')) {
      const linked = JSON.parse(await readFile(path.join(dir, 'linked_views.json'), 'utf8')) as Record<string, unknown[]>;
      for (const views of Object.values(linked)) requests += 1 + viewRequests(views);
    }
    for (const item of items) if (item.isDirectory()) await walk(path.join(relative, item.name));
  }

  const viewRequests = (views: unknown[]): number => perHundred(views.length) + views.length;
  await walk('');
  const users = JSON.parse(await readFile(path.join(snapshotDir, 'users.json'), 'utf8')) as unknown[];
  return requests + perHundred(users.length) + perHundred(searchable);
}
