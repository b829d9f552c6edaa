import { bodyValidationError, tooLong } from '../errors';
import type { JsonObject, RichTextItem } from '../fixture-types';
import { compactId } from '../ids';
import { plainText, titleOfPage } from '../render/common';
import type { InputContext } from './common';
import { expectArray, expectId, expectRecord, expectString, MAX_URL_LENGTH, variantOf } from './common';
import { checkDate, isAcceptedLinkUrl, requireUser, requireVisible } from './references';

export const MAX_RICH_TEXT_ITEMS = 100;
export const MAX_TEXT_CONTENT = 2000;
export const MAX_EQUATION_EXPRESSION = 1000;

const COLORS = new Set([
  'default', 'gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red',
  'default_background', 'gray_background', 'brown_background', 'orange_background', 'yellow_background',
  'green_background', 'blue_background', 'purple_background', 'pink_background', 'red_background',
]);

export function normalizeColor(value: unknown, path: string, fallback = 'default'): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !COLORS.has(value)) {
    throw bodyValidationError(`${path} should be a valid color, instead was \`${JSON.stringify(value)}\`.`);
  }
  return value;
}

function annotations(value: unknown, path: string): JsonObject {
  const given = value === undefined ? {} : expectRecord(value, path);
  const flag = (key: string): boolean => given[key] === true;
  return {
    bold: flag('bold'),
    italic: flag('italic'),
    strikethrough: flag('strikethrough'),
    underline: flag('underline'),
    code: flag('code'),
    color: normalizeColor(given['color'], `${path}.color`),
  };
}

function mentionItem(raw: Record<string, unknown>, path: string, ctx: InputContext): { mention: JsonObject; plain: string; href: string | null } {
  const mention = expectRecord(raw, path);
  const kind = variantOf(mention, ['user', 'date', 'page', 'database', 'template_mention', 'custom_emoji', 'link_preview', 'link_mention']);
  switch (kind) {
    case 'user': {
      const id = expectId(expectRecord(mention['user'], `${path}.user`)['id'], `${path}.user.id`);
      requireUser(ctx, id, `${path}.user.id`);
      const user = ctx.store.users.get(id);
      return { mention: { type: 'user', user: { object: 'user', id } }, plain: `@${user?.name ?? 'Anonymous'}`, href: null };
    }
    case 'date': {
      const date = expectRecord(mention['date'], `${path}.date`);
      const start = expectString(date['start'], `${path}.date.start`);
      checkDate(start, date['end'], date['time_zone'], `${path}.date`);
      const end = typeof date['end'] === 'string' ? date['end'] : null;
      const value = { start, end, time_zone: typeof date['time_zone'] === 'string' ? date['time_zone'] : null };
      return { mention: { type: 'date', date: value }, plain: end ? `${start} → ${end}` : start, href: null };
    }
    case 'page': {
      const id = expectId(expectRecord(mention['page'], `${path}.page`)['id'], `${path}.page.id`);
      requireVisible(ctx, 'page', id);
      const page = ctx.store.pages.get(id);
      const title = page ? plainText(titleOfPage(page, ctx)) : '';
      return { mention: { type: 'page', page: { id } }, plain: title || 'Untitled', href: `https://www.notion.so/${compactId(id)}` };
    }
    case 'database': {
      const id = expectId(expectRecord(mention['database'], `${path}.database`)['id'], `${path}.database.id`);
      requireVisible(ctx, 'database', id);
      const database = ctx.store.databases.get(id);
      return { mention: { type: 'database', database: { id } }, plain: plainText(database?.title) || 'Untitled', href: `https://www.notion.so/${compactId(id)}` };
    }
    case 'template_mention': {
      const template = expectRecord(mention['template_mention'], `${path}.template_mention`);
      if (template['template_mention_user'] !== undefined) {
        if (template['template_mention_user'] !== 'me') throw bodyValidationError(`${path}.template_mention.template_mention_user should be \`"me"\`.`);
        return { mention: { type: 'template_mention', template_mention: { type: 'template_mention_user', template_mention_user: 'me' } }, plain: '@Me', href: null };
      }
      const which = template['template_mention_date'];
      if (which !== 'today' && which !== 'now') {
        throw bodyValidationError(`${path}.template_mention.template_mention_date should be \`"today"\` or \`"now"\`, instead was \`${JSON.stringify(which)}\`.`);
      }
      return {
        mention: { type: 'template_mention', template_mention: { type: 'template_mention_date', template_mention_date: which } },
        plain: which === 'now' ? '@Now' : '@Today',
        href: null,
      };
    }
    case 'custom_emoji': {
      const emoji = expectRecord(mention['custom_emoji'], `${path}.custom_emoji`);
      const id = expectId(emoji['id'], `${path}.custom_emoji.id`);
      const name = typeof emoji['name'] === 'string' ? emoji['name'] : 'emoji';
      const url = typeof emoji['url'] === 'string' ? emoji['url'] : `https://www.notion.so/emoji/${compactId(id)}`;
      return { mention: { type: 'custom_emoji', custom_emoji: { id, name, url } }, plain: `:${name}:`, href: null };
    }
    default:
      throw bodyValidationError(`${path} should be a user, date, page, database, template_mention or custom_emoji mention, instead was \`${kind ?? 'undefined'}\`.`);
  }
}

function richTextItem(raw: unknown, path: string, ctx: InputContext): RichTextItem {
  const item = expectRecord(raw, path);
  const kind = variantOf(item, ['text', 'mention', 'equation']);
  const annotated = annotations(item['annotations'], `${path}.annotations`);
  if (kind === 'text') {
    const text = expectRecord(item['text'], `${path}.text`);
    const content = expectString(text['content'], `${path}.text.content`);
    if (content.length > MAX_TEXT_CONTENT) throw tooLong(`${path}.text.content.length`, MAX_TEXT_CONTENT, content.length);
    let link: { url: string } | null = null;
    if (text['link'] !== undefined && text['link'] !== null) {
      const url = expectString(expectRecord(text['link'], `${path}.text.link`)['url'], `${path}.text.link.url`);
      if (url.length > MAX_URL_LENGTH) throw tooLong(`${path}.text.link.url.length`, MAX_URL_LENGTH, url.length);
      if (!isAcceptedLinkUrl(url)) throw bodyValidationError(`${path}.text.link.url: Invalid URL for link: \`${url.slice(0, 100)}\`.`);
      link = { url };
    }
    return { type: 'text', text: { content, link }, annotations: annotated, plain_text: content, href: link?.url ?? null };
  }
  if (kind === 'equation') {
    const expression = expectString(expectRecord(item['equation'], `${path}.equation`)['expression'], `${path}.equation.expression`);
    if (expression.length > MAX_EQUATION_EXPRESSION) {
      throw tooLong(`${path}.equation.expression.length`, MAX_EQUATION_EXPRESSION, expression.length);
    }
    return { type: 'equation', equation: { expression }, annotations: annotated, plain_text: expression, href: null };
  }
  if (kind === 'mention') {
    const { mention, plain, href } = mentionItem(expectRecord(item['mention'], `${path}.mention`), `${path}.mention`, ctx);
    return { type: 'mention', mention, annotations: annotated, plain_text: plain, href };
  }
  throw bodyValidationError(`${path} should be a text, mention or equation rich text object, instead was \`${JSON.stringify(item).slice(0, 60)}\`.`);
}

/** Validates a request rich-text array (≤ 100 items, text ≤ 2000 chars) and returns Notion's response form. */
export function normalizeRichText(value: unknown, path: string, ctx: InputContext): RichTextItem[] {
  const items = expectArray(value, path);
  if (items.length > MAX_RICH_TEXT_ITEMS) throw tooLong(`${path}.length`, MAX_RICH_TEXT_ITEMS, items.length);
  return items.map((item, index) => richTextItem(item, `${path}[${index}]`, ctx));
}
