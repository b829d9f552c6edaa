import { recordOf, stringOf } from '../snapshot/json-values';
import type { AppendPosition, BlockObjectRequest } from './convert';
import type { ListedBlock } from './notion-writer';

/**
 * After an append failed ambiguously (a timeout, a 5xx), were the blocks created anyway? They were if,
 * where the append would have put them (after its anchor block, at the start, or at the end), the
 * parent now holds blocks of the same types whose text contains the text sent, in order, none of which
 * the restore already knows. Returns their ids, or undefined when the append did not happen.
 */
export function findAppendedBlocks(
  listed: ListedBlock[],
  payloads: BlockObjectRequest[],
  anchor: AppendPosition | undefined,
  known: ReadonlySet<string>,
): string[] | undefined {
  let start: number;
  if (!anchor) start = listed.length - payloads.length;
  else if (anchor.type === 'start') start = 0;
  else {
    const afterId = anchor.type === 'after_block' ? anchor.after_block.id : undefined;
    const at = listed.findIndex((block) => block.id === afterId);
    if (at < 0) return undefined;
    start = at + 1;
  }
  if (start < 0) return undefined;
  const candidates = listed.slice(start, start + payloads.length);
  if (candidates.length !== payloads.length) return undefined;
  const matches = candidates.every((block, index) => !known.has(block.id) && sameBlock(block, payloads[index]));
  return matches ? candidates.map((block) => block.id) : undefined;
}

function sameBlock(listed: ListedBlock, payload: BlockObjectRequest | undefined): boolean {
  const type = payload?.type;
  if (!type || listed.type !== type) return false;
  return containsInOrder(listed.text ?? '', textParts(recordOf(recordOf(payload)[type]).rich_text));
}

/** The literal text pieces of request rich text (mentions render differently once created). */
export function textParts(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.map((item) => stringOf(recordOf(recordOf(item).text).content) ?? '').filter((part) => part !== '');
}

export function containsInOrder(text: string, parts: string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
