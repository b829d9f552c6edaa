import { ChevronDown, ChevronRight, FileText, Table2 } from 'lucide-react';
import { Icon } from './Icon';
import type { ReactNode } from 'react';
import { useId, useMemo, useState } from 'react';
import type { PickableItem, TreeNode } from '../page-tree';
import { buildTree, hasSelectedAncestor, visibleForQuery, withToggled } from '../page-tree';
import { strings } from '../strings';
import { StatusLine } from './CallStatus';
import { TitleSearch } from './TitleSearch';

/**
 * Pages and databases as a tree of checkboxes, with expand/collapse buttons and a title search.
 * Plain nested lists with native checkboxes and buttons: Tab, Space and Enter do everything.
 */
export function PageTree({
  items,
  selected,
  onToggle,
}: {
  items: readonly PickableItem[];
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
}) {
  const [query, setQuery] = useState('');
  const tree = useMemo(() => buildTree(items), [items]);
  const byId = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  // The top level is open, and so is every branch holding a chosen item (it may come chosen from elsewhere).
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([...tree.map((node) => node.item.id), ...ancestorsOf(selected, byId)]));
  const visible = useMemo(() => visibleForQuery(items, query), [items, query]);

  const onExpand = (id: string) => setExpanded((current) => withToggled(current, id, !current.has(id)));

  const context: RowContext = { byId, selected, onToggle, expanded, onExpand, visible };

  return (
    <div className="page-tree">
      <TitleSearch query={query} onChange={setQuery} />
      {visible !== null && visible.size === 0 ? (
        <StatusLine>{strings.pages.noMatch(query.trim())}</StatusLine>
      ) : (
        <ul className="tree" aria-label={strings.pages.treeLabel}>
          {tree.map((node) => (
            <TreeRow key={node.item.id} node={node} context={context} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ancestorsOf(ids: ReadonlySet<string>, byId: ReadonlyMap<string, PickableItem>): string[] {
  const found = new Set<string>();
  for (const id of ids) {
    let parent = byId.get(id)?.parentId ?? null;
    while (parent && !found.has(parent)) {
      found.add(parent);
      parent = byId.get(parent)?.parentId ?? null;
    }
  }
  return [...found];
}

/** How a page tree is shown: what a search leaves in, which nodes are open, and how to open one. */
export interface TreeView {
  /** Ids shown for the current search (matches and their ancestors), or null without a search. */
  visible: ReadonlySet<string> | null;
  expanded: ReadonlySet<string>;
  onExpand: (id: string) => void;
}

interface RowContext extends TreeView {
  byId: ReadonlyMap<string, PickableItem>;
  selected: ReadonlySet<string>;
  onToggle: (id: string, checked: boolean) => void;
}

function TreeRow({ node, context }: { node: TreeNode; context: RowContext }) {
  const checkboxId = useId();
  const { item } = node;
  const inherited = hasSelectedAncestor(context.byId, item.id, context.selected);
  const checked = inherited || context.selected.has(item.id);
  return (
    <TreeBranch node={node} view={context} renderChild={(child) => <TreeRow key={child.item.id} node={child} context={context} />}>
      {(title) => (
        <>
          <input
            id={checkboxId}
            type="checkbox"
            checked={checked}
            disabled={inherited}
            onChange={(event) => context.onToggle(item.id, event.target.checked)}
          />
          <label htmlFor={checkboxId} className="tree__label">
            <PageIcon item={item} />
            <span>{title}</span>
            {item.object === 'database' && <span className="tag">{strings.pages.database}</span>}
            {inherited && <span className="tree__inherited">{strings.pages.includedWithParent}</span>}
          </label>
        </>
      )}
    </TreeBranch>
  );
}

/**
 * One node of a page tree: nothing when a search leaves it out, else its row (the expand toggle, then
 * what `children` draws for the title) and, while open, its shown children drawn by `renderChild`.
 */
export function TreeBranch({
  node,
  view: { visible, expanded, onExpand },
  rowClassName = 'tree__row',
  renderChild,
  children,
}: {
  node: TreeNode;
  view: TreeView;
  rowClassName?: string;
  renderChild: (child: TreeNode) => ReactNode;
  children: (title: string) => ReactNode;
}) {
  const { item } = node;
  if (visible && !visible.has(item.id)) return null;
  const title = item.title.trim() || strings.pages.untitled;
  const shown = visible ? node.children.filter((child) => visible.has(child.item.id)) : node.children;
  const open = visible !== null || expanded.has(item.id);
  return (
    <li>
      <div className={rowClassName}>
        <TreeToggle branch={shown.length > 0} title={title} open={open} searching={visible !== null} onToggle={() => onExpand(item.id)} />
        {children(title)}
      </div>
      {open && shown.length > 0 && <ul>{shown.map(renderChild)}</ul>}
    </li>
  );
}

/** A row's expand/collapse button (disabled while a search shows every match), or its place on a leaf. */
function TreeToggle({
  branch,
  title,
  open,
  searching,
  onToggle,
}: {
  branch: boolean;
  title: string;
  open: boolean;
  searching: boolean;
  onToggle: () => void;
}) {
  if (!branch) return <span className="tree__toggle tree__toggle--leaf" aria-hidden="true" />;
  return (
    <button
      type="button"
      className="tree__toggle"
      aria-expanded={open}
      aria-label={open ? strings.pages.collapse(title) : strings.pages.expand(title)}
      onClick={onToggle}
      disabled={searching}
    >
      <Icon of={open ? ChevronDown : ChevronRight} />
    </button>
  );
}

/** A page's or database's emoji (Notion's, so content), or an icon for its kind. */
export function PageIcon({ item }: { item: PickableItem }) {
  return (
    <span className="tree__icon" aria-hidden="true">
      {item.emoji ?? <Icon of={item.object === 'database' ? Table2 : FileText} />}
    </span>
  );
}
