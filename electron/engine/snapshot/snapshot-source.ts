/**
 * Where snapshot files come from: a snapshot restored into a directory, or (for browsing) files read
 * one by one out of the store. Paths are relative to the snapshot root, with forward slashes.
 */
export interface SnapshotSource {
  readBytes(relativePath: string): Promise<Buffer | undefined>;
  listDirectory(relativePath: string): Promise<Array<{ name: string; isDirectory: boolean }>>;
}
