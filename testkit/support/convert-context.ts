// Fixtures for the converter tests: a ConvertContext backed by plain maps, and response-shaped objects.
import type { ConvertContext, LossKind, LossRecord } from '../../electron/engine/restore/convert/types';
import type { StoredBlock } from '../../electron/engine/snapshot/format';
import { storedBlockSchema } from '../../electron/engine/snapshot/format';

export interface FakeContext extends ConvertContext {
  losses: LossRecord[];
  ids: Map<string, string>;
  uploads: Map<string, string>;
  lossKinds(): LossKind[];
}

export function fakeContext(
  options: { ids?: Record<string, string>; titles?: Record<string, string>; users?: Record<string, string>; uploads?: Record<string, string> } = {},
): FakeContext {
  const ids = new Map(Object.entries(options.ids ?? {}));
  const uploads = new Map(Object.entries(options.uploads ?? {}));
  const losses: LossRecord[] = [];
  return {
    losses,
    ids,
    uploads,
    lossKinds: () => losses.map((loss) => loss.kind),
    newIdFor: (oldId) => ids.get(oldId),
    titleOf: (oldId) => options.titles?.[oldId],
    userFor: (oldUserId) => options.users?.[oldUserId],
    uploadFor: (ref) => uploads.get(ref),
    recordLoss: (loss) => losses.push(loss),
  };
}

export const ANNOTATIONS = { bold: false, italic: false, strikethrough: false, underline: false, code: false, color: 'default' };

export function responseText(content: string, style: Partial<typeof ANNOTATIONS> = {}, link?: string): Record<string, unknown> {
  return {
    type: 'text',
    text: { content, link: link ? { url: link } : null },
    annotations: { ...ANNOTATIONS, ...style },
    plain_text: content,
    href: link ?? null,
  };
}

export function responseMention(mention: Record<string, unknown>, plain: string, href: string | null = null): Record<string, unknown> {
  return { type: 'mention', mention, annotations: { ...ANNOTATIONS }, plain_text: plain, href };
}

let counter = 0;

/** A block as the API returns it (with the response-only fields the converter must strip). */
export function responseBlock(type: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}): StoredBlock {
  counter += 1;
  return storedBlockSchema.parse({
    object: 'block',
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    parent: { type: 'page_id', page_id: '11111111-1111-4111-8111-111111111111' },
    created_time: '2025-01-01T00:00:00.000Z',
    last_edited_time: '2025-01-01T00:00:00.000Z',
    created_by: { object: 'user', id: 'u1' },
    last_edited_by: { object: 'user', id: 'u1' },
    has_children: false,
    in_trash: false,
    archived: false,
    type,
    [type]: body,
    ...extra,
  });
}

export const PAGE_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const PAGE_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
export const NEW_A = 'a0a0a0a0-a0a0-4a0a-8a0a-a0a0a0a0a0a0';
export const USER_OLD = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
export const USER_NEW = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
