import { describe, expect, it } from 'vitest';
import { chosenInWords, destinationFrom, estimateMs, groupWarnings, restorePlanText, selectionToSend } from './restore-helpers';

describe('restore warnings', () => {
  it('groups what cannot be restored by what it concerns, without duplicates', () => {
    const groups = groupWarnings([
      'a "form" block cannot be read or created through the API',
      '"Created" (created_time) is computed by Notion and cannot be restored',
      'the mention of @Grace Hopper became plain text (no matching user in the target workspace)',
      'the uploaded cover (x) was not available and was dropped',
      'a link to 1234 (not in the restore) points to the original page',
      'a comment kept 3 of its 4 attachments',
      'a comment kept 3 of its 4 attachments',
      'something else entirely',
    ]);
    expect(groups.map((group) => [group.key, group.items.length])).toEqual([
      ['blocks', 1],
      ['properties', 1],
      ['links', 1],
      ['people', 1],
      ['files', 1],
      ['comments', 1],
      ['other', 1],
    ]);
    expect(groupWarnings([])).toEqual([]);
  });

  it('groups losses by their kind, refused objects and moved pages first', () => {
    const groups = groupWarnings(
      ['A journal from an interrupted restore into workspace A was not reused'],
      [
        { kind: 'object-moved', detail: '"Plan" lived inside a toggle; … a link stands where it was' },
        { kind: 'object-refused', detail: 'Notion refused the page "Draft" (Home / Draft) (invalid); a note stands in its place' },
        { kind: 'block-converted', detail: 'the embed of https://x.example became a bookmark block' },
        { kind: 'other', detail: 'a comment kept 3 of its 4 attachments' },
      ],
    );
    expect(groups.map((group) => [group.key, group.items.length])).toEqual([
      ['refused', 1],
      ['moved', 1],
      ['blocks', 1],
      ['comments', 1],
      ['other', 1],
    ]);
  });
});

describe('restore destination', () => {
  const id = '0123456789abcdef0123456789abcdef';
  it('accepts a listed page or a pasted Notion link, and refuses anything else', () => {
    expect(destinationFrom({ kind: 'notion', pickedId: 'abc', pasted: '' })).toEqual({ ok: true, destination: { kind: 'notion', page: 'abc' } });
    expect(destinationFrom({ kind: 'notion', pickedId: 'abc', pasted: ` https://www.notion.so/Home-${id} ` })).toEqual({
      ok: true,
      destination: { kind: 'notion', page: `https://www.notion.so/Home-${id}` },
    });
    expect(destinationFrom({ kind: 'notion', pickedId: '', pasted: 'https://example.com/page' })).toEqual({ ok: false, problem: 'target-invalid' });
    expect(destinationFrom({ kind: 'notion', pickedId: '', pasted: '' })).toEqual({ ok: false, problem: 'target-required' });
  });

  it('needs a folder for a folder restore', () => {
    expect(destinationFrom({ kind: 'folder', dir: '  ', format: 'html', merge: false })).toEqual({ ok: false, problem: 'folder-required' });
    expect(destinationFrom({ kind: 'folder', dir: '/tmp/out ', format: 'html', merge: true })).toEqual({
      ok: true,
      destination: { kind: 'folder', dir: '/tmp/out', format: 'html', merge: true },
    });
  });
});

describe('restore selection and estimate', () => {
  const parents = new Map<string, string | null>([
    ['home', null],
    ['child', 'home'],
    ['grandchild', 'child'],
    ['other', null],
  ]);
  it('sends nothing for the whole snapshot, and drops ids already under a chosen ancestor', () => {
    expect(selectionToSend('all', new Set(['home']), parents)).toEqual([]);
    expect(selectionToSend('some', new Set(['grandchild', 'home', 'other']), parents)).toEqual(['home', 'other']);
  });

  it('rounds the estimate up to whole seconds, at least one', () => {
    expect(estimateMs(0)).toBe(1000);
    expect(estimateMs(12.2)).toBe(13_000);
  });
});

describe('the restore plan in words', () => {
  const page = (title: string) => ({ title, object: 'page' as const });

  it('names one to three chosen items, then two and how many others', () => {
    expect(chosenInWords([])).toBe('the whole snapshot');
    expect(chosenInWords([page('A')])).toBe('“A”');
    expect(chosenInWords([page('A'), page('B')])).toBe('“A” and “B”');
    expect(chosenInWords([page('A'), { title: 'B', object: 'database' }, page('  ')])).toBe('“A”, “B” and “Untitled”');
    expect(chosenInWords([page('A'), page('B'), page('C'), page('D')])).toBe('“A”, “B” and 2 other pages');
    expect(chosenInWords([page('A'), page('B'), page('C'), page('D'), page('E'), page('F')].slice(0, 4))).toBe('“A”, “B” and 2 other pages');
  });

  it('says what a restore into Notion creates, from when, and that nothing existing changes', () => {
    expect(restorePlanText({ chosen: [page('Long page')], snapshotDate: '5 Dec 2026, 04:28', destination: { kind: 'notion', target: '🏠 Home' } })).toBe(
      'Restore “Long page” as it was on 5 Dec 2026, 04:28, as a new page under 🏠 Home. Nothing that exists changes. Sub-pages and database rows come with what is chosen.',
    );
    expect(restorePlanText({ chosen: [{ title: 'Tasks', object: 'database' }], snapshotDate: null, destination: { kind: 'notion', target: 'Home' } })).toBe(
      'Restore “Tasks” as a new database under Home. Nothing that exists changes. Sub-pages and database rows come with what is chosen.',
    );
    expect(restorePlanText({ chosen: [], snapshotDate: '5 Dec 2026, 04:28', destination: { kind: 'notion', target: 'Home' } })).toBe(
      'Restore the whole snapshot as it was on 5 Dec 2026, 04:28, as new pages under Home. Nothing that exists changes.',
    );
  });

  it('names the folder and the format of an export', () => {
    const folder = { kind: 'folder' as const, dir: '/tmp/out', format: 'markdown' as const, merge: false };
    expect(restorePlanText({ chosen: [page('A'), page('B')], snapshotDate: '5 Dec 2026, 04:28', destination: folder })).toBe(
      'Write “A” and “B” as they were on 5 Dec 2026, 04:28, as Markdown files into /tmp/out. Nothing in Notion changes. Sub-pages and database rows come with what is chosen.',
    );
    expect(restorePlanText({ chosen: [], snapshotDate: null, destination: { ...folder, format: 'json', merge: true } })).toBe(
      'Write the whole snapshot as JSON files into /tmp/out. Files there with the same names are replaced; nothing in Notion changes.',
    );
  });
});
