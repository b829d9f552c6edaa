import type { IndexEntry } from '../snapshot/format';
import { FolderNames, sanitiseName } from './file-names';

export type DocumentExtension = 'md' | 'html';

/** Where one page or database of the snapshot goes in the export. Paths are relative, with `/`. */
export interface PlannedObject {
  entry: IndexEntry;
  /** Its document, e.g. `Home/Level 1.md`. */
  document: string;
  /** The folder beside it that holds its children and its files, e.g. `Home/Level 1`. */
  folder: string;
  /** Databases only: the rows as CSV, e.g. `Home/Tasks.csv`. */
  csv: string | null;
  children: PlannedObject[];
}

export interface ExportLayout {
  extension: DocumentExtension;
  /** Top-level objects of the export, by document path. */
  roots: PlannedObject[];
  byId: ReadonlyMap<string, PlannedObject>;
  /** The root index document (`index.md` / `index.html`). */
  indexDocument: string;
  /** Names already taken in a folder (children of the object that owns it, plus claimed files). */
  namesIn(folder: string): FolderNames;
}

export function joinPath(...parts: string[]): string {
  return parts.filter((part) => part !== '').join('/');
}

const byId = (a: IndexEntry, b: IndexEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byDocument = (a: PlannedObject, b: PlannedObject) => (a.document < b.document ? -1 : a.document > b.document ? 1 : 0);

/**
 * Lays out the exported entries as a folder tree by title: an object's children go into a folder
 * named like its document. Siblings are named in id order, so the same entries always get the same
 * names ("Notes", "Notes (2)"…). An entry whose parent is not exported becomes top-level.
 */
export function planLayout(entries: readonly IndexEntry[], extension: DocumentExtension): ExportLayout {
  const exported = new Map(entries.map((entry) => [entry.id, entry]));
  const childrenOf = new Map<string | null, IndexEntry[]>();
  for (const entry of exported.values()) {
    const parent = entry.parentId !== null && exported.has(entry.parentId) ? entry.parentId : null;
    const siblings = childrenOf.get(parent) ?? [];
    siblings.push(entry);
    childrenOf.set(parent, siblings);
  }

  const folders = new Map<string, FolderNames>();
  const namesIn = (folder: string): FolderNames => {
    let names = folders.get(folder);
    if (!names) {
      names = new FolderNames();
      folders.set(folder, names);
    }
    return names;
  };
  const indexDocument = `index.${extension}`;
  namesIn('').reserve(indexDocument);

  const planned = new Map<string, PlannedObject>();
  const place = (parentId: string | null, folder: string): PlannedObject[] => {
    const names = namesIn(folder);
    const objects: PlannedObject[] = [];
    for (const entry of [...(childrenOf.get(parentId) ?? [])].sort(byId)) {
      const isDatabase = entry.object === 'database';
      const suffixes = isDatabase ? [`.${extension}`, '', '.csv'] : [`.${extension}`, ''];
      const stem = names.claimStem(sanitiseName(entry.title), suffixes);
      const object: PlannedObject = {
        entry,
        document: joinPath(folder, `${stem}.${extension}`),
        folder: joinPath(folder, stem),
        csv: isDatabase ? joinPath(folder, `${stem}.csv`) : null,
        children: [],
      };
      planned.set(entry.id, object);
      objects.push(object);
    }
    for (const object of objects) object.children = place(object.entry.id, object.folder);
    return objects.sort(byDocument);
  };
  const roots = place(null, '');
  return { extension, roots, byId: planned, indexDocument, namesIn };
}

/** Every planned object, parents before children, in document order. */
export function* walkLayout(objects: readonly PlannedObject[]): Generator<PlannedObject> {
  for (const object of objects) {
    yield object;
    yield* walkLayout(object.children);
  }
}
