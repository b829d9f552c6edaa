import { CornerDownRight, FileText, ImageOff, Link, Paperclip, Table2 } from 'lucide-react';
import { Icon } from '../../components/Icon';
import { useId } from 'react';
import { strings } from '../../strings';
import type { PreviewGroup, PreviewNode } from './preview-layout';
import { groupSiblings, plainText, safeHref } from './preview-layout';
import { RichText } from './RichText';
import { LinkedDatabase } from './PreviewViews';
import type { PreviewContext } from './preview-context';

const s = strings.snapshots;

/** Renders preview blocks (already nested) as read-only HTML. */
export function PreviewBlocks({ nodes, context }: { nodes: readonly PreviewNode[]; context: PreviewContext }) {
  return (
    <>
      {groupSiblings(nodes).map((group) => (
        <Group key={group.kind === 'list' ? `list-${group.items[0]?.block.id}` : group.node.block.id} group={group} context={context} />
      ))}
    </>
  );
}

function Group({ group, context }: { group: PreviewGroup; context: PreviewContext }) {
  if (group.kind === 'block') return <Block node={group.node} context={context} />;
  if (group.todo) {
    return (
      <ul className="preview-todos">
        {group.items.map((node) => (
          <TodoItem key={node.block.id} node={node} context={context} />
        ))}
      </ul>
    );
  }
  const items = group.items.map((node) => (
    <li key={node.block.id}>
      <RichText spans={node.block.spans} />
      <Children node={node} context={context} />
    </li>
  ));
  return group.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
}

function TodoItem({ node, context }: { node: PreviewNode; context: PreviewContext }) {
  const id = useId();
  return (
    <li>
      <span className="preview-todo">
        <input id={id} type="checkbox" checked={node.block.checked === true} readOnly disabled />
        <label htmlFor={id} className={node.block.checked ? 'preview-todo--done' : undefined}>
          <RichText spans={node.block.spans} />
        </label>
      </span>
      <Children node={node} context={context} />
    </li>
  );
}

function Children({ node, context }: { node: PreviewNode; context: PreviewContext }) {
  if (node.children.length === 0) return null;
  return (
    <div className="preview-children">
      <PreviewBlocks nodes={node.children} context={context} />
    </div>
  );
}

const HEADINGS: Record<string, 'h4' | 'h5' | 'h6'> = { heading_1: 'h4', heading_2: 'h5', heading_3: 'h6', heading_4: 'h6' };

function Block({ node, context }: { node: PreviewNode; context: PreviewContext }) {
  const { block } = node;
  const text = <RichText spans={block.spans} />;
  const children = <Children node={node} context={context} />;
  const Heading = HEADINGS[block.type];
  if (Heading) {
    return (
      <>
        <Heading className="preview-heading">{text}</Heading>
        {children}
      </>
    );
  }
  switch (block.type) {
    case 'paragraph':
      return (
        <>
          <p>{text}</p>
          {children}
        </>
      );
    case 'toggle':
      return (
        <details open className="preview-toggle">
          <summary>
            {text} <span className="tag">{s.toggle}</span>
          </summary>
          {children}
        </details>
      );
    case 'quote':
      return (
        <blockquote className="preview-quote">
          {text}
          {children}
        </blockquote>
      );
    case 'callout':
      return (
        <div className="preview-callout">
          {block.emoji && <span aria-hidden="true">{block.emoji}</span>}
          <div>
            <p>{text}</p>
            {children}
          </div>
        </div>
      );
    case 'code':
      return (
        <figure className="preview-code">
          <figcaption>{s.codeLanguage(block.language ?? 'plain text')}</figcaption>
          <pre>
            <code>{plainText(block.spans)}</code>
          </pre>
        </figure>
      );
    case 'divider':
      return <hr />;
    case 'table':
      return <PreviewTable node={node} />;
    case 'image':
      return <PreviewImage node={node} />;
    case 'bookmark':
    case 'embed':
    case 'link_preview':
      return <ExternalLink url={block.target ?? plainText(block.spans)} />;
    case 'link_to_page':
      return (
        <p className="preview-link">
          <Icon of={CornerDownRight} /> {s.linkTo(block.target ?? '')}
        </p>
      );
    case 'child_page':
    case 'child_database':
      return <ChildEntry node={node} context={context} />;
    case 'video':
    case 'audio':
    case 'pdf':
    case 'file':
      return (
        <p className="preview-file">
          <Icon of={Paperclip} /> {s.file(block.type, plainText(block.spans))}
        </p>
      );
    case 'equation':
      return <pre className="preview-equation">{plainText(block.spans) || block.target}</pre>;
    case 'column_list':
      return <div className="preview-columns">{children}</div>;
    case 'column':
    case 'synced_block':
    case 'template':
    case 'tab':
      return children;
    case 'table_row':
      return <p>{(block.cells ?? []).map((cell) => plainText(cell)).join(' · ')}</p>;
    default:
      return (
        <>
          <p className="muted preview-unsupported">{block.spans.length > 0 ? text : s.notShown(block.type)}</p>
          {children}
        </>
      );
  }
}

function PreviewTable({ node }: { node: PreviewNode }) {
  const rows = node.children.filter((child) => child.block.type === 'table_row');
  return (
    <div className="preview-table-wrap">
      <table className="preview-table">
        <tbody>
          {rows.map((row) => (
            <tr key={row.block.id}>
              {(row.block.cells ?? []).map((cell, index) => (
                // Cells have no ids; their position is their identity.
                <td key={index}>
                  <RichText spans={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewImage({ node }: { node: PreviewNode }) {
  const caption = plainText(node.block.spans);
  const source = node.block.image;
  if (!source?.startsWith('data:image/')) return (
      <p className="preview-file">
        <Icon of={ImageOff} /> {s.imageMissing(caption)}
      </p>
    );
  return (
    <figure className="preview-image">
      <img src={source} alt={caption || s.imageAlt} />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}

function ExternalLink({ url }: { url: string }) {
  const href = safeHref(url);
  return (
    <p className="preview-link">
      <Icon of={Link} />{' '}
      {href ? (
        <a href={href} target="_blank" rel="noreferrer">
          {url}
        </a>
      ) : (
        url
      )}
    </p>
  );
}

function ChildEntry({ node, context }: { node: PreviewNode; context: PreviewContext }) {
  const { block } = node;
  const title = block.target?.trim() || s.untitled;
  const icon = <Icon of={block.type === 'child_database' ? Table2 : FileText} />;
  if (block.linked && !context.known.has(block.id)) return <LinkedDatabase linked={block.linked} context={context} />;
  if (!context.known.has(block.id)) {
    return (
      <p className="preview-child muted">
        {icon} {s.childMissing(title)}
      </p>
    );
  }
  return (
    <p className="preview-child">
      <button type="button" className="link-button" onClick={() => context.onOpenPage(block.id)} title={s.openChild(title)}>
        {icon} {title}
      </button>
    </p>
  );
}
