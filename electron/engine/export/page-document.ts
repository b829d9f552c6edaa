// One page (or database row) as a Markdown document: title, cover, properties, content, comments.
import type { StoredComment, StoredPage } from '../snapshot/format';
import { arrayOf, recordOf, stringOf } from '../snapshot/json-values';
import type { BlockContext } from './block-context';
import { renderBlocks } from './block-markdown';
import type { PlannedObject } from './layout';
import { safeExternalUrl } from './links';
import { blockText, escapeMarkdown, titleText } from './markdown-text';
import type { PropertyNames } from './property-text';
import { propertyText } from './property-text';

type Icon = StoredPage['icon'] | StoredPage['cover'] | undefined;

/** The icon as Markdown: the emoji itself, or an image (a copied file or the external URL). */
async function iconMarkdown(icon: Icon, ref: string, context: BlockContext): Promise<string> {
  if (!icon) return '';
  if (icon.type === 'emoji') return escapeMarkdown(icon.emoji ?? '');
  if (icon.type === 'custom_emoji') return escapeMarkdown(`:${icon.custom_emoji?.name ?? 'emoji'}:`);
  const href = await imageHref(icon, ref, context);
  return href ? `![icon](${href})` : '';
}

async function imageHref(image: Icon, ref: string, context: BlockContext): Promise<string | undefined> {
  if (!image) return undefined;
  if (image.type === 'external') return safeExternalUrl(image.external?.url);
  const copied = await context.files.copy(context.pageDir, ref);
  return copied ? context.links.fileHref(context.document, copied) : undefined;
}

/** A `files` property: each file linked (copied when Notion-hosted), one after another. */
async function filesProperty(page: StoredPage, propertyId: string, value: unknown, context: BlockContext): Promise<string> {
  const links: string[] = [];
  for (const [index, file] of arrayOf(value).map(recordOf).entries()) {
    const fileName = stringOf(file.name);
    const name = escapeMarkdown(fileName || 'file');
    let href: string | undefined;
    if (file.type === 'external') href = safeExternalUrl(recordOf(file.external).url);
    else {
      const copied = await context.files.copy(context.pageDir, `property:${page.id}:${propertyId}:${index}`, fileName);
      href = copied ? context.links.fileHref(context.document, copied) : undefined;
    }
    links.push(href ? `[${name}](${href})` : name);
  }
  return links.join(', ');
}

/** A row's properties (all but the title) as a list, in the page's property order. */
async function propertiesList(page: StoredPage, names: PropertyNames, context: BlockContext): Promise<string> {
  const full = await context.reader.fullProperties(context.pageDir);
  const lines: string[] = [];
  for (const [name, property] of Object.entries(page.properties)) {
    if (property.type === 'title') continue;
    const text =
      property.type === 'files'
        ? await filesProperty(page, property.id, property.files, context)
        : escapeMarkdown(propertyText(property, full[property.id], names).replace(/\s*\n\s*/g, ' '));
    if (text !== '') lines.push(`- **${escapeMarkdown(name)}**: ${text}`);
  }
  return lines.join('\n');
}

function formatTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

/** Unresolved comments, as stored, in a "Comments" section. */
async function commentsSection(comments: StoredComment[], names: PropertyNames, context: BlockContext): Promise<string> {
  if (comments.length === 0) return '';
  const items: string[] = [];
  for (const comment of comments) {
    const author =
      comment.display_name?.resolved_name ??
      (comment.created_by?.id ? names.userName(comment.created_by.id) : undefined) ??
      'Unknown user';
    const where = comment.parent.type === 'block_id' ? ' *(on a block)*' : '';
    let text = blockText(comment.rich_text, context);
    for (const [index, attachment] of (comment.attachments ?? []).entries()) {
      const copied = await context.files.copy(context.pageDir, `comment:${comment.id}:${index}`);
      if (!copied) continue;
      const href = context.links.fileHref(context.document, copied);
      text += attachment.category === 'image' ? `\\\n![attachment](${href})` : `\\\n[attachment](${href})`;
    }
    const body = text.split('\n').join('\n  ');
    items.push(`- **${escapeMarkdown(author)}** · ${formatTime(comment.created_time)}${where}: ${body}`);
  }
  return `## Comments\n\n${items.join('\n')}`;
}

/** The whole document of a page or row. */
export async function renderPageDocument(
  object: PlannedObject,
  stored: { page: StoredPage; children: Parameters<typeof renderBlocks>[0] },
  names: PropertyNames,
  context: BlockContext,
): Promise<string> {
  const { page, children } = stored;
  const icon = await iconMarkdown(page.icon, `page:${page.id}:icon`, context);
  const title = titleText(object.entry.title);
  const cover = await imageHref(page.cover, `page:${page.id}:cover`, context);
  const parts = [cover ? `![cover](${cover})` : '', `# ${icon ? `${icon} ` : ''}${title}`];
  if (object.entry.isRow) parts.push(await propertiesList(page, names, context));
  parts.push(await renderBlocks(children, object.entry.path, context));
  parts.push(await commentsSection(await context.reader.comments(object.entry.path), names, context));
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
