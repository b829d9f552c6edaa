import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeAll, scratchDir } from '../../../testkit/support/crawl';
import { readTree } from '../../../testkit/support/export';
import { PAGE, storeLikeSource } from '../snapshot/crafted-snapshot';
import { craftedViewsSnapshot } from '../snapshot/crafted-views';
import { SnapshotReader } from '../snapshot/reader';
import type { ExportFormat } from './index';
import { exportSnapshot } from './index';

const dirs: string[] = [];
afterAll(async () => removeAll(...dirs));

async function exported(format: ExportFormat, files = craftedViewsSnapshot()): Promise<Map<string, string>> {
  const dir = await scratchDir('export-views-');
  dirs.push(dir);
  const reader = await SnapshotReader.open(storeLikeSource(files));
  const targetDir = path.join(dir, 'out');
  await exportSnapshot({ reader, targetDir, format });
  return new Map([...(await readTree(targetDir))].map(([name, bytes]) => [name, bytes.toString('utf8')]));
}

describe('database views in Markdown and HTML exports', () => {
  it('lists a database’s views (name — type), a dashboard’s widgets under it', async () => {
    const tasks = (await exported('markdown')).get('Home/Tasks.md') ?? '';
    expect(tasks).toContain(
      ['## Views', '', '- All \\<b>tasks\\</b> — table', '- Board — board', '- Overview — dashboard', '  - Done per week — chart', '- Odd — other'].join('\n'),
    );
  });

  it('renders a linked database as a linked view of its source, linked when exported, and one of a database outside the backup', async () => {
    const home = (await exported('markdown')).get('Home.md') ?? '';
    expect(home).toContain('*Linked view of [Tasks](Home/Tasks.md) (Mine, Calendar)*');
    expect(home).toContain('*Linked view of a database outside this backup (Theirs)*');
    expect(home).not.toContain('not in this backup');
  });

  it('keeps the old wording for a linked database whose views the snapshot did not keep', async () => {
    const files = craftedViewsSnapshot();
    delete files[`${PAGE}/linked_views.json`];
    const home = (await exported('markdown', files)).get('Home.md') ?? '';
    expect(home).toContain('*Linked database view: My tasks (not in this backup)*');
  });

  it('escapes view names in HTML', async () => {
    const files = await exported('html');
    const tasks = files.get('Home/Tasks.html') ?? '';
    expect(tasks).toContain('All &lt;b&gt;tasks&lt;/b&gt; — table');
    expect(tasks).not.toContain('<b>tasks');
    expect(files.get('Home.html')).toMatch(/Linked view of <a href="Home\/Tasks.html">Tasks<\/a> \(Mine, Calendar\)/);
  });

});
