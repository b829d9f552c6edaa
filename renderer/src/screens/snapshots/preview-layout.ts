import type { ResultOf } from '../../../../shared/ipc/contract';

/** A block of the page preview, as getPagePreview sends it (flat, with its depth). */
export type PreviewBlock = Extract<ResultOf<'getPagePreview'>, { status: 'ok' }>['blocks'][number];
export type PreviewSpan = PreviewBlock['spans'][number];

export interface PreviewNode {
  block: PreviewBlock;
  children: PreviewNode[];
}

/** Rebuilds the nesting from the depths: a block's children are the deeper blocks that follow it. */
export function nestBlocks(blocks: readonly PreviewBlock[]): PreviewNode[] {
  const roots: PreviewNode[] = [];
  const stack: PreviewNode[] = [];
  for (const block of blocks) {
    const node: PreviewNode = { block, children: [] };
    while (stack.length > 0 && (stack[stack.length - 1]?.block.depth ?? 0) >= block.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}

export type PreviewGroup =
  | { kind: 'list'; ordered: boolean; todo: boolean; items: PreviewNode[] }
  | { kind: 'block'; node: PreviewNode };

const LIST_TYPES: Record<string, { ordered: boolean; todo: boolean }> = {
  bulleted_list_item: { ordered: false, todo: false },
  numbered_list_item: { ordered: true, todo: false },
  to_do: { ordered: false, todo: true },
};

/** Consecutive list items of the same type become one list (as Notion shows them). */
export function groupSiblings(nodes: readonly PreviewNode[]): PreviewGroup[] {
  const groups: PreviewGroup[] = [];
  for (const node of nodes) {
    const list = LIST_TYPES[node.block.type];
    const last = groups[groups.length - 1];
    if (!list) groups.push({ kind: 'block', node });
    else if (last?.kind === 'list' && last.ordered === list.ordered && last.todo === list.todo) last.items.push(node);
    else groups.push({ kind: 'list', ordered: list.ordered, todo: list.todo, items: [node] });
  }
  return groups;
}

/** The plain text of a block's spans (captions, alt text, labels). */
export function plainText(spans: readonly PreviewSpan[]): string {
  return spans.map((span) => span.text).join('');
}

/** Only http(s) links are shown as links; anything else stays text. */
export function safeHref(href: string | undefined): string | undefined {
  return href && /^https?:\/\/[^\s]+$/i.test(href) ? href : undefined;
}
