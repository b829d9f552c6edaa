import type { SnapshotReader } from '../snapshot/reader';
import type { StoredBlock } from '../snapshot/format';
import { joinPath } from './layout';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Finds the stored children of a synced block's original, wherever it lives in the snapshot. A copy
 * stores no children of its own: they are the original's, at `<dir>/<original id>/blocks.json`.
 * The first look-up that misses the copy's own page walks the snapshot's directories once.
 */
export class SyncedOriginals {
  private locations: Map<string, string> | undefined;

  constructor(private readonly reader: SnapshotReader) {}

  async find(originalId: string, nearDirs: readonly string[]): Promise<{ dir: string; blocks: StoredBlock[] } | undefined> {
    for (const dir of nearDirs) {
      const blocks = await this.reader.blockChildren(dir, originalId);
      if (blocks) return { dir: joinPath(dir, originalId), blocks };
    }
    this.locations ??= await this.walk();
    const parent = this.locations.get(originalId);
    if (parent === undefined) return undefined;
    const blocks = await this.reader.blockChildren(parent, originalId);
    return blocks ? { dir: joinPath(parent, originalId), blocks } : undefined;
  }

  /** Every directory holding a blocks.json, by block id → the directory that contains it. */
  private async walk(): Promise<Map<string, string>> {
    const locations = new Map<string, string>();
    const pending = this.reader.content.map((root) => root.id);
    while (pending.length > 0) {
      const dir = pending.pop() ?? '';
      const items = await this.reader.source.listDirectory(dir);
      const name = dir.split('/').pop() ?? '';
      if (items.some((item) => !item.isDirectory && item.name === 'blocks.json') && UUID.test(name)) {
        locations.set(name, dir.slice(0, Math.max(0, dir.length - name.length - 1)));
      }
      for (const item of items) if (item.isDirectory) pending.push(joinPath(dir, item.name));
    }
    return locations;
  }
}
