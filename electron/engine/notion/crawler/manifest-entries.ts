// What a crawl records about blocks and files it could not store, listed in manifest.json and read back
// by the next incremental crawl (docs/snapshot-format.md).

export interface UnsupportedBlockEntry {
  blockId: string;
  pageId: string;
  blockType: string;
}

export interface FailedFileEntry {
  ref: string;
  pageId: string;
  reason: string;
}
