import type { PickablePage } from '../../shared/ipc/app-schemas';

/** One page or database from listNotionPages. */
export type PickableItem = PickablePage;

export interface TreeNode {
  item: PickableItem;
  children: TreeNode[];
}

/** Builds the tree from the flat list (items whose parent is not in the list are at the top). */
export function buildTree(items: readonly PickableItem[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const item of items) nodes.set(item.id, { item, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The ids to show for a title search: every item whose title contains the query (case-insensitive),
 * and its ancestors so the match keeps its place in the tree. Null when there is no query.
 */
export function visibleForQuery(items: readonly PickableItem[], query: string): Set<string> | null {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return null;
  const byId = new Map(items.map((item) => [item.id, item]));
  const visible = new Set<string>();
  for (const item of items) {
    if (!item.title.toLocaleLowerCase().includes(needle)) continue;
    let current: PickableItem | undefined = item;
    while (current && !visible.has(current.id)) {
      visible.add(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
  }
  return visible;
}

/** True when one of the item's ancestors is selected (the item is then backed up with it). */
export function hasSelectedAncestor(items: ReadonlyMap<string, PickableItem>, id: string, selected: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  let parentId = items.get(id)?.parentId ?? null;
  while (parentId && !seen.has(parentId)) {
    if (selected.has(parentId)) return true;
    seen.add(parentId);
    parentId = items.get(parentId)?.parentId ?? null;
  }
  return false;
}

/** The chosen ids with `id` checked or unchecked (a new set: state stays immutable). */
export function withToggled(chosen: ReadonlySet<string>, id: string, checked: boolean): Set<string> {
  const next = new Set(chosen);
  if (checked) next.add(id);
  else next.delete(id);
  return next;
}
