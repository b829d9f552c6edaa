import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richWorkspaceFacts as facts } from '../../../testkit/notion-emulator';
import { crawlRichSnapshot, removeAll, scratchDir } from '../../../testkit/support/crawl';
import type { FileDescriptor } from '../snapshot/format';
import type { SnapshotReader } from '../snapshot/reader';
import { brokenLinks, parseCsv, readTree, sha256 } from '../../../testkit/support/export';
import type { ExportResult } from './index';
import { exportSnapshot } from './index';

const dirs: string[] = [];
let snapshotDir = '';
let reader: SnapshotReader;
let markdown: { result: ExportResult; files: Map<string, Buffer> };

const text = (name: string) => {
  const bytes = markdown.files.get(name);
  if (!bytes) throw new Error(`${name} was not exported; got ${[...markdown.files.keys()].slice(0, 20).join(', ')}…`);
  return bytes.toString('utf8');
};

beforeAll(async () => {
  ({ dir: snapshotDir, reader } = await crawlRichSnapshot());
  dirs.push(snapshotDir);
  const target = path.join(await scratchDir('export-md-'), 'out');
  dirs.push(path.dirname(target));
  const result = await exportSnapshot({ reader, targetDir: target, format: 'markdown' });
  markdown = { result, files: await readTree(target) };
});

afterAll(async () => removeAll(...dirs));

describe('Markdown export of the rich workspace', () => {
  it('writes one document per page, row and database, named by title', () => {
    const documents = [...markdown.files.keys()].filter((name) => name.endsWith('.md') && name !== 'index.md');
    expect(documents).toHaveLength(reader.index().length);
    expect(markdown.result).toMatchObject({ pages: facts.fullCrawl.pages, databases: facts.fullCrawl.databases, warnings: [] });
    const headings = documents.map((name) => /^# (.*)$/m.exec(text(name))?.[1] ?? '');
    for (const entry of reader.index()) {
      expect(headings.some((heading) => heading === entry.title || heading.endsWith(` ${entry.title}`)), entry.title).toBe(true);
    }
    for (const name of ['Home.md', 'Home/Level 1.md', 'Home/Level 1/Level 2/Level 3/Level 4.md', 'Home/Tasks.md', 'Home/Tasks.csv', 'Home/Projects/Mega Project.md', 'Shared without its parent/Child of the orphan.md']) {
      expect(markdown.files.has(name), name).toBe(true);
    }
    expect(text('index.md')).toContain('[Home](Home.md)');
    expect(text('index.md')).toContain('[Shared without its parent](Shared%20without%20its%20parent.md)');
  });

  it('only writes links that resolve to exported files or external URLs', () => {
    expect(brokenLinks(markdown.result.targetDir, markdown.files)).toEqual([]);
  });

  it('copies every Notion-hosted file with its bytes, beside its page', async () => {
    const stored = new Map<string, FileDescriptor>();
    for (const [name, bytes] of await readTree(snapshotDir)) {
      if (!name.endsWith('files.json')) continue;
      for (const descriptor of Object.values(JSON.parse(bytes.toString('utf8')) as Record<string, FileDescriptor>)) stored.set(descriptor.sha256, descriptor);
    }
    const exported = [...markdown.files].filter(([name]) => !/\.(md|csv)$/.test(name));
    expect(exported).toHaveLength(facts.fullCrawl.hostedFiles);
    expect(markdown.result.files).toBe(facts.fullCrawl.hostedFiles);
    expect(new Set(exported.map(([, bytes]) => sha256(bytes)))).toEqual(new Set(stored.keys()));
    const image = markdown.files.get('Home/diagram.png');
    expect(image && stored.get(sha256(image))?.sourceKey).toMatch(/diagram\.png$/);
    expect(markdown.files.has('Home/Projects/Mega Project/spec.pdf')).toBe(true);
    expect(markdown.files.has('Home/Level 1/cover.png')).toBe(true);
  });

  it('renders text blocks, lists, to-dos, toggles and headings', () => {
    const home = text('Home.md');
    expect(home).toMatch(/^# 🏠 Home$/m);
    expect(home).toContain('# Welcome to the Notion emulator\n');
    expect(home).toContain('## Heading two\n\n### Heading three\n\n#### Heading four');
    // Toggleable headings stay headings; their content follows.
    expect(home).toContain('## Toggleable heading\n\nHidden under a toggleable heading.\n\nSecond hidden line.');
    expect(home).toContain('- First bullet\n  - Nested bullet\n    - Deeply nested bullet\n- Second bullet');
    expect(home).toContain('1. Step one\n   1. Step one point one\n2. Step two');
    expect(home).toContain('- [x] Done item\n- [ ] Open item');
    expect(home).toContain('<details>\n<summary>A toggle</summary>\n\nToggle content\n\n- Toggle bullet\n\n</details>');
    expect(home).toContain('> A quote worth keeping.');
    expect(home).toContain('> 💡 Callout with an emoji icon\n>\n> Callout child');
    expect(home).toMatch(/> !\[icon\]\(Home\/pin\.png\) Callout with a hosted icon/);
    expect(home).toContain('```typescript\nconst answer: number = 42;\nconsole.log(answer);\n```');
    expect(home).toContain('$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$');
    expect(home).toContain('\n---\n');
    expect(home).toContain('| Name | Role | Since |\n| --- | --- | --- |\n| Ada | Owner | 2024 |\n| Grace | Editor | 2025 |');
    expect(home).toContain('Left column\n\n- [ ] Left task\n\nRight column');
    expect(home).toContain('First tab\n\nFirst tab body\n\nSecond tab');
    expect(home).toContain('*Unsupported block: form*');
    expect(home).toContain('**Weekly sync**\n\nSummary: ship the emulator.');
  });

  it('renders annotations, links and mentions', () => {
    const home = text('Home.md');
    expect(home).toContain('Plain, **bold**, *italic*, ~~struck~~, <u>underlined</u>, `code`, red on yellow, a [link](https://example.com/docs).');
    expect(home).toContain('Mentions: [Level 1](Home/Level%201.md) [Projects](Home/Projects.md) @Grace Hopper 2025-07-01 → 2025-07-03');
    expect(home).toContain('[An article](https://example.com/article)');
    expect(home).toContain('inline math $`e^{i\\pi} + 1 = 0`$');
  });

  it('renders media, links to pages and databases, and synced blocks', () => {
    const home = text('Home.md');
    expect(home).toContain('![A Notion-hosted image](Home/diagram.png)\n\n*A Notion-hosted image*');
    expect(home).toContain('![An external image](https://images.example.com/photo.jpg)');
    expect(home).toContain('Video: [demo.mp4](Home/demo.mp4)');
    expect(home).toContain('Audio: [track.mp3](https://audio.example.com/track.mp3)');
    expect(home).toContain('File: [notes.txt](Home/notes.txt)');
    expect(home).toContain('[https://developers.notion.com/reference/intro](https://developers.notion.com/reference/intro)');
    expect(home).toContain('📁 [Projects](Home/Projects.md)');
    expect(home).toContain('✅ [Tasks](Home/Tasks.md)');
    expect(home).toContain('[Long page](Home/Long%20page.md)');
    expect(home).toContain('*Linked view of ✅ [Tasks](Home/Tasks.md) (Linked tasks, Linked board)*');
    expect(home).toContain('Synced content shown in two places\n\n- Synced bullet');
    expect(text('Home/Tasks.md')).toContain('## Views\n\n- Open tasks — table\n- By status — board\n- Due dates — calendar\n- Archive — list');
    expect(text('Home/Projects.md')).toContain('- Overview — dashboard\n  - Budget by stage — chart');
    const level1 = text('Home/Level 1.md');
    expect(level1).toContain('![cover](Level%201/cover.png)');
    expect(level1).toContain('# ![icon](Level%201/icon.png) Level 1');
    expect(level1).toContain('The synced block below mirrors Home.\n\nSynced content shown in two places\n\n- Synced bullet');
    expect(level1).toContain('[Level 2](Level%201/Level%202.md)');
  });

  it('ends pages with their comments', () => {
    const home = text('Home.md');
    expect(home).toContain('## Comments\n\n- **Ada Lovelace** · 2025-06-02 10:38 UTC: Looks good to me.\n- **Grace Hopper** · 2025-06-02 10:39 UTC: Thanks @Ada Lovelace');
    expect(home).toMatch(/\*\(on a block\)\*: Inline comment with a screenshot\.\\\n {2}!\[attachment\]\(Home\/screenshot\.png\)/);
    expect(home).not.toContain('Fixed typo');
    expect(text('Home/Level 1.md')).toContain('**Kloset Backup** · 2025-06-02 10:42 UTC: Backed up by the integration.');
  });

  it('exports databases as a table of their rows and a CSV', () => {
    const tasks = text('Home/Tasks.md');
    const rowCount = facts.tasksRowCount + facts.archiveRowCount;
    expect(tasks).toContain(`${rowCount} rows · [Tasks.csv](Tasks.csv)`);
    const tableRows = tasks.split('\n').filter((line) => line.startsWith('| ['));
    expect(tableRows).toHaveLength(rowCount);
    expect(tasks).toContain('| Name | Data source | Done | Due | Estimate | Project | Status | Closed |');
    expect(tableRows).toContain('| [Task 003](Tasks/Task%20003.md) | Tasks | Yes | 2025-04-15 | 3 | Mega Project | Not started |  |');
    const csv = parseCsv(text('Home/Tasks.csv'));
    expect(csv).toHaveLength(rowCount + 1);
    expect(new Set(csv.map((record) => record.length))).toEqual(new Set([8]));
    expect(csv).toContainEqual(['Task 003', 'Tasks', 'Yes', '2025-04-15', '3', 'Mega Project', 'Not started', '']);
    expect([...markdown.files.keys()].filter((name) => /^Home\/Tasks\/[^/]+\.md$/.test(name))).toHaveLength(rowCount);

    const projects = parseCsv(text('Home/Projects.csv'));
    expect(projects).toHaveLength(6);
    const header = projects[0] ?? [];
    const mega = projects.find((record) => record[0] === 'Mega Project') ?? [];
    const value = (column: string) => mega[header.indexOf(column)];
    expect(header).not.toContain('Action');
    expect(value('Stage')).toBe('Active');
    expect(value('Tags')).toBe('backup, restore, infra');
    expect(value('Active')).toBe('Yes');
    expect(value('Deadline')).toBe('2025-12-31');
    expect(value('Score')).toBe('250');
    expect(value('ID')).toBe('PRJ-1');
    expect(value('Tasks')?.split(', ')).toHaveLength(facts.megaProjectRelationCount);
    expect(value('Owners')?.split(', ')).toHaveLength(facts.megaProjectPeopleCount);
    expect(value('Owners')).toMatch(/^Ada Lovelace, Grace Hopper, Team Member 01/);
  });

  it('lists a row page’s properties above its content', () => {
    const mega = text('Home/Projects/Mega Project.md');
    expect(mega).toContain('- **Attachments**: [spec.pdf](Mega%20Project/spec.pdf), [brief](https://docs.example.com/brief.pdf)');
    expect(mega).toContain('- **Stage**: Active');
    expect(mega).toContain('Mega project plan.\n\n- [x] Kick-off');
  });

  it('writes the same bytes every time', async () => {
    const again = path.join(await scratchDir('export-md-again-'), 'out');
    dirs.push(path.dirname(again));
    await exportSnapshot({ reader, targetDir: again, format: 'markdown' });
    expect(await readTree(again)).toEqual(markdown.files);
  });
});
