import { useMemo } from 'react';
import type { TreeView } from '../../components/PageTree';
import { PageIcon, TreeBranch } from '../../components/PageTree';
import type { PickableItem, TreeNode } from '../../page-tree';
import { buildTree } from '../../page-tree';
import { strings } from '../../strings';

const s = strings.snapshots;

interface Context extends TreeView {
  selectedId: string | null;
  onSelect: (id: string) => void;
  counts: ReadonlyMap<string, number>;
}

/**
 * A snapshot's pages and databases by title. Plain nested lists of buttons: Tab reaches every row,
 * Enter or Space opens a page or expands a branch.
 */
export function BrowseTree({
  items,
  selectedId,
  onSelect,
  expanded,
  onToggle,
  visible,
  counts,
}: { items: readonly PickableItem[]; onToggle: (id: string) => void } & Omit<Context, 'onExpand'>) {
  const tree = useMemo(() => buildTree(items), [items]);
  const context: Context = { selectedId, onSelect, expanded, onExpand: onToggle, visible, counts };
  return (
    <ul className="tree browse-tree" aria-label={s.treeLabel}>
      {tree.map((node) => (
        <Row key={node.item.id} node={node} context={context} />
      ))}
    </ul>
  );
}

function Row({ node, context }: { node: TreeNode; context: Context }) {
  const { item } = node;
  const selected = context.selectedId === item.id;
  const rows = item.object === 'database' ? (context.counts.get(item.id) ?? 0) : null;
  return (
    <TreeBranch
      node={node}
      view={context}
      rowClassName={`tree__row${selected ? ' tree__row--selected' : ''}`}
      renderChild={(child) => <Row key={child.item.id} node={child} context={context} />}
    >
      {(title) => (
        <button type="button" className="tree__item" aria-current={selected ? 'true' : undefined} onClick={() => context.onSelect(item.id)}>
          <PageIcon item={item} />
          <span>{title}</span>
          {rows !== null && <span className="tag">{s.rows(rows)}</span>}
        </button>
      )}
    </TreeBranch>
  );
}
