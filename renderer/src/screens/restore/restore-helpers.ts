import { parseNotionId } from '../../../../shared/notion-ids';
import type { LossKind, RestoreLoss } from '../../../../shared/restore-losses';
import { strings } from '../../strings';

const plan = strings.restore.plan;

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

/** A chosen page or database as the check step names it. */
export interface ChosenItem {
  title: string;
  object: 'page' | 'database';
}

export type PlanDestination =
  | { kind: 'notion'; target: string }
  | { kind: 'folder'; dir: string; format: 'markdown' | 'html' | 'json'; merge: boolean };

/** What is chosen, in words: up to three titles, else two titles and how many others; none = the whole snapshot. */
export function chosenInWords(chosen: readonly ChosenItem[]): string {
  if (chosen.length === 0) return plan.whole;
  const title = (item: ChosenItem) => plan.quoted(item.title.trim() || strings.snapshots.untitled);
  if (chosen.length <= 3) return plan.list(chosen.map(title));
  return plan.list([...chosen.slice(0, 2).map(title), plan.others(chosen.length - 2)]);
}

/**
 * The check step's sentence: what is restored, as of when, where, and that only copies are made
 * ("Restore “Long page” as it was on 5 Dec 2026, 04:28, as a new page under 🏠 Home. Nothing that exists changes.").
 */
export function restorePlanText({
  chosen,
  snapshotDate,
  destination,
}: {
  chosen: readonly ChosenItem[];
  /** The snapshot's date and time, formatted; null when unknown. */
  snapshotDate: string | null;
  destination: PlanDestination;
}): string {
  const what = chosenInWords(chosen);
  const when = snapshotDate ? plan.asOf(snapshotDate, chosen.length > 1) : '';
  const only = chosen.length === 1 ? chosen[0] : undefined;
  const sentence =
    destination.kind === 'folder'
      ? plan.toFolder(what, when, plan.formats[destination.format], destination.dir, destination.merge)
      : plan.toNotion(what, when, only ? plan.newCopy[only.object] : plan.newCopy.several, destination.target);
  return chosen.length > 0 ? `${sentence} ${plan.below}` : sentence;
}
