import type { IndexEntry, StoredBlock } from './format';
import { blockPayload, syncedOriginalOf } from './format';
import { arrayOf, recordOf, stringOf } from './json-values';
import type { SnapshotReader } from './reader';

/** Beyond this, a page's text is cut: search finds what a person would quote, not a whole book. */
export const MAX_PAGE_TEXT = 200_000;

function plainText(items: unknown): string {
  return arrayOf(items)
    .map((item) => stringOf(recordOf(item).plain_text) ?? '')
    .join('');
}

/** The words a property shows: text, title, select names, numbers, URLs… (not relations or people). */
function propertyText(value: unknown): string {
  const property = recordOf(value);
  const type = stringOf(property.type);
  if (!type) return '';
  const body = property[type];
  if (type === 'title' || type === 'rich_text') return plainText(body);
  if (type === 'select' || type === 'status') return stringOf(recordOf(body).name) ?? '';
  if (type === 'multi_select') return arrayOf(body).map((option) => stringOf(recordOf(option).name) ?? '').join(' ');
  if (type === 'number') return typeof body === 'number' ? String(body) : '';
  if (type === 'url' || type === 'email' || type === 'phone_number') return stringOf(body) ?? '';
  return '';
}

/**
 * The text a person reads on a page: its title and properties, then every block's text in order
 * (nested blocks included, sub-pages not: they have their own text). One line per block.
 */
export async function pageText(reader: SnapshotReader, entry: IndexEntry): Promise<string> {
  const { page, children } = await reader.page(entry);
  const lines: string[] = [entry.title];
  let length = entry.title.length;
  for (const value of Object.values(recordOf(page.properties))) {
    const text = propertyText(value);
    if (text && recordOf(value).type !== 'title') lines.push(text);
  }

  const visit = async (dir: string, list: StoredBlock[]): Promise<void> => {
    for (const block of list) {
      if (length > MAX_PAGE_TEXT) return;
      const body = blockPayload(block);
      const parts = [plainText(body.rich_text), plainText(body.caption)];
      if (block.type === 'table_row') parts.push(arrayOf(body.cells).map(plainText).join(' | '));
      if (block.type === 'equation') parts.push(stringOf(body.expression) ?? '');
      const line = parts.filter(Boolean).join(' ');
      if (line) {
        lines.push(line);
        length += line.length;
      }
      if (block.has_children && !syncedOriginalOf(block) && block.type !== 'child_page' && block.type !== 'child_database') {
        await visit(`${dir}/${block.id}`, (await reader.blockChildren(dir, block.id)) ?? []);
      }
    }
  };
  await visit(entry.path, children);
  return lines.join('\n').slice(0, MAX_PAGE_TEXT);
}
