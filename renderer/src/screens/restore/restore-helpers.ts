import { parseNotionId } from '../../../../shared/notion-ids';
import type { LossKind, RestoreLoss } from '../../../../shared/restore-losses';

export type WarningGroupKey = 'refused' | 'moved' | 'files' | 'people' | 'properties' | 'comments' | 'links' | 'blocks' | 'other';

export interface WarningGroup {
  key: WarningGroupKey;
  items: string[];
}

/** Checked in order: the first rule whose pattern matches a warning decides its group. */
const RULES: Array<[WarningGroupKey, RegExp]> = [
  ['comments', /\bcomments?\b/i],
  ['files', /\b(files?|upload(ed|s)?|attachments?|icon|cover|image|pdf|video|audio)\b/i],
  ['people', /\b(people|users?|persons?|@\S+|e-?mail|workspace members?)\b/i],
  ['links', /\b(links?|mentions?|relations?|related|synced|references?)\b/i],
  ['properties', /\b(propert(y|ies)|formulas?|rollups?|status|unique id|computed|values?|rows?|schema)\b|"[^"]+" \(/i],
  ['blocks', /\b(blocks?|bookmarks?|embeds?|equations?|unsupported|meeting|buttons?)\b/i],
];

const ORDER: WarningGroupKey[] = ['refused', 'moved', 'blocks', 'properties', 'links', 'people', 'files', 'comments', 'other'];

/** The group of each kind of loss the engine reports; `other` losses are grouped by their words. */
const GROUP_OF_KIND: Record<LossKind, WarningGroupKey | undefined> = {
  'object-refused': 'refused',
  'object-moved': 'moved',
  'unsupported-block': 'blocks',
  'block-converted': 'blocks',
  'text-truncated': 'blocks',
  'read-only-property': 'properties',
  'status-group': 'properties',
  'formula-reference': 'properties',
  'link-outside-restore': 'links',
  'user-not-mapped': 'people',
  'file-not-available': 'files',
  other: undefined,
};

/**
 * What cannot be restored, grouped by what it concerns, without duplicates; groups in a fixed order.
 * Losses come with their kind; other warnings (and `other` losses) are grouped by their words.
 */
export function groupWarnings(warnings: readonly string[], losses: readonly RestoreLoss[] = []): WarningGroup[] {
  const groups = new Map<WarningGroupKey, string[]>();
  const kindOf = new Map(losses.map((loss) => [loss.detail, GROUP_OF_KIND[loss.kind]]));
  for (const warning of new Set([...losses.map((loss) => loss.detail), ...warnings])) {
    const key = kindOf.get(warning) ?? RULES.find(([, pattern]) => pattern.test(warning))?.[0] ?? 'other';
    const list = groups.get(key) ?? [];
    list.push(warning);
    groups.set(key, list);
  }
  return ORDER.filter((key) => groups.has(key)).map((key) => ({ key, items: groups.get(key) ?? [] }));
}

export type DestinationDraft =
  | { kind: 'notion'; pickedId: string; pickedTitle?: string; pasted: string }
  | { kind: 'folder'; dir: string; format: 'markdown' | 'html' | 'json'; merge: boolean };

export type Destination =
  | { kind: 'notion'; page: string }
  | { kind: 'folder'; dir: string; format: 'markdown' | 'html' | 'json'; merge: boolean };

/** Validates the destination form: the destination to send, or which problem to show. */
export function destinationFrom(draft: DestinationDraft): { ok: true; destination: Destination } | { ok: false; problem: 'target-required' | 'target-invalid' | 'folder-required' } {
  if (draft.kind === 'folder') {
    const dir = draft.dir.trim();
    if (!dir) return { ok: false, problem: 'folder-required' };
    return { ok: true, destination: { kind: 'folder', dir, format: draft.format, merge: draft.merge } };
  }
  const pasted = draft.pasted.trim();
  if (pasted) {
    const id = parseNotionId(pasted);
    return id ? { ok: true, destination: { kind: 'notion', page: pasted } } : { ok: false, problem: 'target-invalid' };
  }
  if (draft.pickedId) return { ok: true, destination: { kind: 'notion', page: draft.pickedId } };
  return { ok: false, problem: 'target-required' };
}

/** A request count and rate-limited estimate as a short duration (at least one second). */
export function estimateMs(estimatedSeconds: number): number {
  return Math.max(1, Math.ceil(estimatedSeconds)) * 1000;
}

/** The selection sent to startRestore: empty for the whole snapshot, otherwise the chosen ids without those under a chosen ancestor. */
export function selectionToSend(
  mode: 'all' | 'some',
  selected: ReadonlySet<string>,
  parents: ReadonlyMap<string, string | null>,
): string[] {
  if (mode === 'all') return [];
  const covered = (id: string) => {
    const seen = new Set<string>();
    let parent = parents.get(id) ?? null;
    while (parent && !seen.has(parent)) {
      if (selected.has(parent)) return true;
      seen.add(parent);
      parent = parents.get(parent) ?? null;
    }
    return false;
  };
  return [...selected].filter((id) => !covered(id)).sort();
}
