import type { SnapshotReader } from '../snapshot/reader';
import type { InlineContext } from './markdown-text';
import type { PageFiles } from './page-files';
import type { SyncedOriginals } from './synced-originals';
import type { SnapshotViews } from '../snapshot/views';

/** Everything block rendering needs for one exported document. */
export interface BlockContext extends InlineContext {
  reader: SnapshotReader;
  files: PageFiles;
  synced: SyncedOriginals;
  /** Views of linked databases, and the databases they show (one per export). */
  views: SnapshotViews;
  /** Snapshot directory of the page being rendered. */
  pageDir: string;
  /** How warnings name the page. */
  label: string;
  warnings: string[];
  signal?: AbortSignal;
}
