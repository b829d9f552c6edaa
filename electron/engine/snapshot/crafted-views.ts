// Test support: a hand-made snapshot with database views and linked databases (views.json,
// linked_views.json), some of their values hostile.
import { craftedSnapshot, PAGE } from './crafted-snapshot';

export const TASKS = '2df812ff-a7bf-80b8-b4f1-dcb8e8a53de1';
export const TASKS_SOURCE = '5df812ff-a7bf-80b8-b4f1-dcb8e8a53de1';
export const LINKED = '4df812ff-a7bf-80b8-b4f1-dcb8e8a53de1';
export const LINKED_OUTSIDE = '4df812ff-a7bf-80b8-b4f1-dcb8e8a53de2';
const OUTSIDE_SOURCE = '5df812ff-a7bf-80b8-b4f1-dcb8e8a53de9';

const viewId = (n: number) => `6df812ff-a7bf-80b8-b4f1-dcb8e8a53d${String(n).padStart(2, '0')}`;
const text = (content: string) => [{ type: 'text', text: { content, link: null }, plain_text: content, annotations: {} }];

function view(n: number, name: string, type: string, database: string, extra: Record<string, unknown> = {}) {
  return { object: 'view', id: viewId(n), name, type, parent: { type: 'database_id', database_id: database }, data_source_id: TASKS_SOURCE, ...extra };
}

const childDatabase = (id: string, title: string) => ({ object: 'block', id, type: 'child_database', has_children: false, child_database: { title } });

/**
 * "Home" with, in its content, the database "Tasks" (in the snapshot, with five views: a table, a
 * board, a dashboard with a chart widget, and a view of an unknown type), a linked view of Tasks, and
 * a linked view of a database outside the snapshot.
 */
export function craftedViewsSnapshot(): Record<string, unknown> {
  const files = craftedSnapshot();
  const page = files[`${PAGE}/page.json`] as { children: unknown[] };
  page.children = [childDatabase(TASKS, 'Tasks'), childDatabase(LINKED, 'My tasks'), childDatabase(LINKED_OUTSIDE, 'Elsewhere')];
  const index = files['index.json'] as unknown[];
  index.push({ id: TASKS, object: 'database', title: 'Tasks', icon: null, path: `${PAGE}/${TASKS}`, parentId: PAGE, isRow: false, lastEditedTime: null, url: null });
  return {
    ...files,
    [`${PAGE}/${TASKS}/database.json`]: { object: 'database', id: TASKS, title: text('Tasks'), parent: { type: 'page_id', page_id: PAGE }, data_sources: [{ id: TASKS_SOURCE, name: 'Tasks' }] },
    [`${PAGE}/${TASKS}/data_sources.json`]: [{ object: 'data_source', id: TASKS_SOURCE, title: text('Tasks'), properties: { Name: { id: 'title', name: 'Name', type: 'title', title: {} } } }],
    [`${PAGE}/${TASKS}/views.json`]: [
      view(1, 'All <b>tasks</b>', 'table', TASKS),
      view(2, 'Board', 'board', TASKS),
      view(3, 'Overview', 'dashboard', TASKS, { data_source_id: null }),
      view(4, 'Done per week', 'chart', TASKS, { dashboard_view_id: viewId(3) }),
      view(5, 'Odd', 'spreadsheet', TASKS),
    ],
    [`${PAGE}/linked_views.json`]: {
      [LINKED]: [view(6, 'Mine', 'list', LINKED), view(7, 'Calendar', 'calendar', LINKED)],
      [LINKED_OUTSIDE]: [view(8, 'Theirs', 'gallery', LINKED_OUTSIDE, { data_source_id: OUTSIDE_SOURCE })],
    },
  };
}
