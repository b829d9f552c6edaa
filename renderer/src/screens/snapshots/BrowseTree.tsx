import { useMemo } from 'react';
import { PageIcon, TreeBranch } from '../../components/PageTree';
import type { PickableItem, TreeNode } from '../../page-tree';
import { buildTree } from '../../page-tree';
import { strings } from '../../strings';

const s = strings.snapshots;

interface Context {
  selectedId: string | null;
  onSelect: (id: string) => void;
  expanded: ReadonlySet<string>;
  onToggle: (id: string) => void;
  /** Ids shown for the current search (matches and their ancestors), or null without a search. */
  visible: ReadonlySet<string> | null;
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
}: { items: readonly PickableItem[] } & Context) {
  const tree = useMemo(() => buildTree(items), [items]);
  const context: Context = { selectedId, onSelect, expanded, onToggle, visible, counts };
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
      visible={context.visible}
      expanded={context.expanded}
      onExpand={context.onToggle}
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
