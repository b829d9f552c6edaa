// A database as a Markdown table of its rows (each linked to its page) and the same rows as CSV.
import { stringify } from 'csv-stringify/sync';
import { iconEmoji } from '../snapshot/format';
import { recordOf } from '../snapshot/json-values';
import type { DatabaseSource, SnapshotReader } from '../snapshot/reader';
import type { LinkResolver } from './links';
import type { PlannedObject } from './layout';
import { escapeMarkdown, plainText, singleLineText, titleText } from './markdown-text';
import type { InlineContext } from './markdown-text';
import type { PropertyNames } from './property-text';
import { propertyText } from './property-text';
import type { PreviewView } from '../../../shared/ipc/view-schemas';
import { outlineViews } from '../snapshot/views';

interface Column {
  name: string;
  type: string;
}

interface DataSourceSchema {
  id: string;
  title: string;
  properties: Column[];
}

export interface DatabaseDocuments {
  markdown: string;
  csv: string;
  rows: number;
}

function schemasOf(dataSources: DatabaseSource[]): DataSourceSchema[] {
  return dataSources.map((source) => ({
    id: source.id,
    // Some data sources carry a `name`, which the SDK's type leaves out.
    title: plainText(source.title) || String(recordOf(source).name ?? '') || source.id,
    properties: Object.entries(source.properties).map(([key, property]) => ({ name: property.name ?? key, type: property.type })),
  }));
}

/** The title column first, then every other property of every data source, each name once. */
function columnsOf(schemas: DataSourceSchema[]): { title: string; others: string[] } {
  const title = schemas.flatMap((schema) => schema.properties).find((property) => property.type === 'title')?.name ?? 'Name';
  const others: string[] = [];
  for (const schema of schemas) {
    for (const property of schema.properties) {
      // Buttons hold no value: a column of them would always be empty.
      if (property.type === 'title' || property.type === 'button' || property.name === title || others.includes(property.name)) continue;
      others.push(property.name);
    }
  }
  return { title, others };
}

/** The database's views in tab order, a dashboard's widgets under it: "- Board — board". */
function viewsSection(views: readonly PreviewView[]): string {
  if (views.length === 0) return '';
  const line = (view: Pick<PreviewView, 'name' | 'type'>) => `${escapeMarkdown(view.name.replace(/\s+/g, ' ') || 'Untitled view')} — ${view.type}`;
  const items = views.flatMap((view) => [`- ${line(view)}`, ...view.widgets.map((widget) => `  - ${line(widget)}`)]);
  return `## Views\n\n${items.join('\n')}`;
}

const tableCell = (text: string) => escapeMarkdown(text.replace(/\s+/g, ' ').trim()).replace(/\|/g, '\\|');

/**
 * The database document and its CSV. Rows are the database's children in the export, in document
 * order; their page.json files are read one at a time.
 */
export async function renderDatabaseDocuments(
  object: PlannedObject,
  reader: SnapshotReader,
  links: LinkResolver,
  names: PropertyNames,
  warnings: string[],
): Promise<DatabaseDocuments> {
  const { database, dataSources } = await reader.database(object.entry);
  const schemas = schemasOf(dataSources);
  const { title, others } = columnsOf(schemas);
  const showSource = schemas.length > 1;
  const sourceTitle = new Map(schemas.map((schema) => [schema.id, schema.title]));
  const header = [title, ...(showSource ? ['Data source'] : []), ...others];
  const markdownRows: string[][] = [];
  const csvRows: string[][] = [header];

  for (const row of object.children.filter((child) => child.entry.object === 'page')) {
    let cells: string[] = [];
    let source = '';
    try {
      const { page } = await reader.page(row.entry);
      const full = await reader.fullProperties(row.entry.path);
      const valueOf = (name: string) => {
        const property = page.properties[name];
        return property ? propertyText(property, full[property.id], names) : '';
      };
      cells = others.map(valueOf);
      source = page.parent.type === 'data_source_id' ? (sourceTitle.get(page.parent.data_source_id) ?? '') : '';
    } catch (error) {
      warnings.push(`${object.entry.title || object.entry.id}: row ${row.entry.id}: ${error instanceof Error ? error.message : String(error)}`);
      cells = others.map(() => '');
    }
    const rowTitle = row.entry.title || 'Untitled';
    const link = `[${tableCell(rowTitle)}](${links.objectHref(object.document, row.entry.id) ?? ''})`;
    markdownRows.push([link, ...(showSource ? [tableCell(source)] : []), ...cells.map(tableCell)]);
    csvRows.push([rowTitle, ...(showSource ? [source] : []), ...cells]);
  }

  const context: InlineContext = { document: object.document, links, userName: names.userName };
  const emoji = iconEmoji(database.icon);
  const icon = emoji === null ? '' : `${escapeMarkdown(String(emoji))} `;
  const description = singleLineText(database.description, context);
  const csvName = object.csv?.split('/').pop() ?? '';
  const table = [
    `| ${header.map(tableCell).join(' | ')} |`,
    `|${' --- |'.repeat(header.length)}`,
    ...markdownRows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
  const count = `${markdownRows.length} ${markdownRows.length === 1 ? 'row' : 'rows'}${object.csv ? ` · [${escapeMarkdown(csvName)}](${links.fileHref(object.document, object.csv)})` : ''}`;
  const views = viewsSection(outlineViews(await reader.views(object.entry)));
  const parts = [`# ${icon}${titleText(object.entry.title)}`, description, count, markdownRows.length > 0 ? table : '', views];
  return {
    markdown: `${parts.filter((part) => part !== '').join('\n\n')}\n`,
    csv: stringify(csvRows, { bom: true }),
    rows: markdownRows.length,
  };
}
