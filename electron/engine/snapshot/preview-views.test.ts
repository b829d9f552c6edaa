import { describe, expect, it, vi } from 'vitest';
import { craftedSnapshot, PAGE, storeLikeSource } from './crafted-snapshot';
import { craftedViewsSnapshot, LINKED, LINKED_OUTSIDE, TASKS } from './crafted-views';
import { buildDatabasePreview, buildPagePreview } from './preview';
import { SnapshotReader } from './reader';
import { SnapshotViews } from './views';

const open = async (files: Record<string, unknown>) => SnapshotReader.open(storeLikeSource(files));

describe('views in the snapshot preview', () => {
  it('lists a database’s views in tab order, the dashboard’s widget under it, unknown types as other, names as plain text', async () => {
    const reader = await open(craftedViewsSnapshot());
    const preview = await buildDatabasePreview(reader, reader.entry(TASKS)!);
    expect(preview).toMatchObject({ title: 'Tasks', blocks: [], truncated: false });
    expect(preview.views?.map(({ name, type, widgets }) => [name, type, widgets.map((widget) => `${widget.name}:${widget.type}`)])).toEqual([
      ['All <b>tasks</b>', 'table', []],
      ['Board', 'board', []],
      ['Overview', 'dashboard', ['Done per week:chart']],
      ['Odd', 'other', []],
    ]);
  });

  it('gives a database of an older snapshot no views', async () => {
    const files = craftedViewsSnapshot();
    delete files[`${PAGE}/${TASKS}/views.json`];
    const reader = await open(files);
    expect((await buildDatabasePreview(reader, reader.entry(TASKS)!)).views).toEqual([]);
  });

  it('shows a linked database where it stands, with the database it shows when the snapshot has it', async () => {
    const reader = await open(craftedViewsSnapshot());
    const prefetch = vi.fn(async () => undefined);
    const preview = await buildPagePreview(reader, reader.entry(PAGE)!, new SnapshotViews(reader, prefetch));
    const byId = new Map(preview.blocks.map((block) => [block.id, block]));
    expect(byId.get(TASKS)?.linked).toBeUndefined();
    expect(byId.get(LINKED)?.linked).toEqual({
      sourceId: TASKS,
      sourceTitle: 'Tasks',
      views: [
        { id: expect.any(String), name: 'Mine', type: 'list', widgets: [] },
        { id: expect.any(String), name: 'Calendar', type: 'calendar', widgets: [] },
      ],
    });
    expect(byId.get(LINKED_OUTSIDE)?.linked).toMatchObject({ sourceId: null, sourceTitle: null, views: [{ name: 'Theirs', type: 'gallery' }] });
    expect(prefetch).toHaveBeenCalledTimes(1);
    expect(prefetch).toHaveBeenCalledWith([`${PAGE}/${TASKS}/data_sources.json`]);
  });

  it('reads no data source when the page has no linked database', async () => {
    const reader = await open(craftedSnapshot());
    const views = new SnapshotViews(reader);
    const spy = vi.spyOn(reader, 'dataSources');
    await buildPagePreview(reader, reader.entry(PAGE)!, views);
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses a linked_views.json keyed by something other than a block id', async () => {
    const files = craftedViewsSnapshot();
    files[`${PAGE}/linked_views.json`] = { '../../etc': [] };
    const reader = await open(files);
    await expect(buildPagePreview(reader, reader.entry(PAGE)!)).rejects.toThrow(/unsafe.*linked_views\.json/);
  });
});
