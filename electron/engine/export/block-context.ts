import type { SnapshotReader } from '../snapshot/reader';
import type { InlineContext } from './markdown-text';
import type { PageFiles } from './page-files';
import type { SyncedOriginals } from './synced-originals';

/** Everything block rendering needs for one exported document. */
export interface BlockContext extends InlineContext {
  reader: SnapshotReader;
  files: PageFiles;
  synced: SyncedOriginals;
  /** Snapshot directory of the page being rendered. */
  pageDir: string;
  /** How warnings name the page. */
  label: string;
  warnings: string[];
  signal?: AbortSignal;
}
