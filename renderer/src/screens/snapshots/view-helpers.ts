import type { PreviewLinkedDatabase, PreviewView } from '../../../../shared/ipc/view-schemas';
import { strings } from '../../strings';

const s = strings.snapshots;

/** A view's name and type as the preview shows them: names are plain text, unknown types read "Other". */
export function viewLabel(view: Pick<PreviewView, 'name' | 'type'>): { name: string; type: string } {
  const types: Record<string, string> = s.viewTypes;
  return { name: view.name.trim() || s.untitledView, type: types[view.type] ?? s.viewTypes.other };
}

/**
 * What a linked database shows: the database in this snapshot (openable when the tree has it), or
 * a database outside this backup.
 */
export function linkedSource(linked: PreviewLinkedDatabase, known: ReadonlySet<string>): { title: string; openId: string | null } {
  if (linked.sourceId === null) return { title: s.linkedOutside, openId: null };
  return { title: linked.sourceTitle?.trim() || s.untitled, openId: known.has(linked.sourceId) ? linked.sourceId : null };
}
