import { describe, expect, it } from 'vitest';
import { linkedSource, viewLabel } from './view-helpers';

describe('viewLabel', () => {
  it('names a view by its text and its type, an untitled one and an unknown type plainly', () => {
    expect(viewLabel({ name: '<b>Board</b>', type: 'board' })).toEqual({ name: '<b>Board</b>', type: 'Board' });
    expect(viewLabel({ name: '  ', type: 'other' })).toEqual({ name: 'Untitled view', type: 'Other' });
    expect(viewLabel({ name: 'X', type: 'spreadsheet' as 'other' })).toEqual({ name: 'X', type: 'Other' });
  });
});

describe('linkedSource', () => {
  const views = [{ id: 'v', name: 'Mine', type: 'table' as const, widgets: [] }];
  it('opens the source database when the tree has it, names it otherwise, and says when it is outside the backup', () => {
    expect(linkedSource({ sourceId: 'db', sourceTitle: 'Tasks', views }, new Set(['db']))).toEqual({ title: 'Tasks', openId: 'db' });
    expect(linkedSource({ sourceId: 'db', sourceTitle: ' ', views }, new Set())).toEqual({ title: 'Untitled', openId: null });
    expect(linkedSource({ sourceId: null, sourceTitle: null, views }, new Set(['db']))).toEqual({ title: 'a database outside this backup', openId: null });
  });
});
