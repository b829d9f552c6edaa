import type { IndexEntry, StoredBlock } from './format';
import type { PropertyNames } from '../export/property-text';
import { propertyText } from '../export/property-text';
import { blockPayload, hasOwnChildren } from './format';
import { arrayOf, plainTextOf, recordOf, stringOf } from './json-values';
import type { SnapshotReader } from './reader';

/** Beyond this, a page's text is cut: search finds what a person would quote, not a whole book. */
export const MAX_PAGE_TEXT = 200_000;

/** Property types whose value is words a person reads (not relations, people or dates). */
const TEXT_PROPERTIES = new Set(['title', 'rich_text', 'select', 'status', 'multi_select', 'number', 'url', 'email', 'phone_number']);
const NO_NAMES: PropertyNames = { userName: () => undefined, title: () => undefined };

/**
 * The text a person reads on a page: its title and properties, then every block's text in order
 * (nested blocks included, sub-pages not: they have their own text). One line per block.
 */
export async function pageText(reader: SnapshotReader, entry: IndexEntry): Promise<string> {
  const { page, children } = await reader.page(entry);
  const lines: string[] = [entry.title];
  let length = entry.title.length;
  for (const value of Object.values(recordOf(page.properties))) {
    const type = stringOf(recordOf(value).type) ?? '';
    const text = TEXT_PROPERTIES.has(type) && type !== 'title' ? propertyText(value, undefined, NO_NAMES) : '';
    if (text) lines.push(text);
  }

  const visit = async (dir: string, list: StoredBlock[]): Promise<void> => {
    for (const block of list) {
      if (length > MAX_PAGE_TEXT) return;
      const body = blockPayload(block);
      const parts = [plainTextOf(body.rich_text), plainTextOf(body.caption)];
      if (block.type === 'table_row') parts.push(arrayOf(body.cells).map(plainTextOf).join(' | '));
      if (block.type === 'equation') parts.push(stringOf(body.expression) ?? '');
      const line = parts.filter(Boolean).join(' ');
      if (line) {
        lines.push(line);
        length += line.length;
      }
      if (hasOwnChildren(block)) {
        await visit(`${dir}/${block.id}`, (await reader.blockChildren(dir, block.id)) ?? []);
      }
    }
  };
  await visit(entry.path, children);
  return lines.join('\n').slice(0, MAX_PAGE_TEXT);
}
