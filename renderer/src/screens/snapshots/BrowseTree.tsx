import { useMemo } from 'react';
import { PageIcon, TreeToggle } from '../../components/PageTree';
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
  if (context.visible && !context.visible.has(item.id)) return null;
  const title = item.title.trim() || s.untitled;
  const children = context.visible ? node.children.filter((child) => context.visible?.has(child.item.id)) : node.children;
  const open = context.visible !== null || context.expanded.has(item.id);
  const selected = context.selectedId === item.id;
  const rows = item.object === 'database' ? (context.counts.get(item.id) ?? 0) : null;
  return (
    <li>
      <div className={`tree__row${selected ? ' tree__row--selected' : ''}`}>
        <TreeToggle branch={children.length > 0} title={title} open={open} searching={context.visible !== null} onToggle={() => context.onToggle(item.id)} />
        <button
          type="button"
          className="tree__item"
          aria-current={selected ? 'true' : undefined}
          onClick={() => context.onSelect(item.id)}
        >
          <PageIcon item={item} />
          <span>{title}</span>
          {rows !== null && <span className="tag">{s.rows(rows)}</span>}
        </button>
      </div>
      {open && children.length > 0 && (
        <ul>
          {children.map((child) => (
            <Row key={child.item.id} node={child} context={context} />
          ))}
        </ul>
      )}
    </li>
  );
}
