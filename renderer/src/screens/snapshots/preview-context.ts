/** What a preview needs from the snapshot screen around it. */
export interface PreviewContext {
  /** Ids of the pages and databases in the snapshot, to make child pages navigable. */
  known: ReadonlySet<string>;
  onOpenPage: (id: string) => void;
}
