/**
 * User-facing strings for snapshots over time: the timeline, what changed, search across snapshots and
 * the versions of a page. Kept apart from strings.ts (already long); same rules.
 */
const plural = (count: number, one: string, many: string) => `${count.toLocaleString()} ${count === 1 ? one : many}`;

export const historyStrings = {
  days: { today: 'Today', yesterday: 'Yesterday', unknown: 'Date unknown' },
  timelineLabel: 'Snapshots by day, newest first',
  changes: {
    loading: 'Comparing with the snapshot before…',
    first: 'First snapshot of these pages',
    none: 'Nothing changed since the snapshot before',
    added: (count: number) => `+${count.toLocaleString()} added`,
    removed: (count: number) => `−${count.toLocaleString()} removed`,
    edited: (count: number) => `~${count.toLocaleString()} edited`,
    summaryLabel: (added: number, removed: number, edited: number) =>
      `Since the snapshot before: ${plural(added, 'page added', 'pages added')}, ${plural(removed, 'removed', 'removed')}, ${plural(edited, 'edited', 'edited')}`,
    show: 'What changed',
    addedTitle: 'Added',
    removedTitle: 'Removed',
    editedTitle: 'Edited',
    more: (count: number) => `and ${plural(count, 'other', 'others')}`,
    problem: 'What changed could not be read:',
    diff: 'what changed',
    diffLabel: (title: string) => `What changed in ${title}`,
  },
  massDeletion: 'Many pages disappeared',
  massDeletionHint: 'Many pages disappeared in this backup. If that was not on purpose, the snapshot before still has them.',
  search: {
    title: 'Find a page in every snapshot',
    label: 'Title or text',
    placeholder: 'A few words of a title or of a paragraph',
    submit: 'Find',
    searching: 'Searching every snapshot… (the first time reads each snapshot’s list of pages)',
    problem: 'The snapshots could not be searched:',
    none: (query: string) => `No page or database called “${query}” in any snapshot.`,
    results: (count: number, snapshots: number) => `${plural(count, 'match', 'matches')} in ${plural(snapshots, 'snapshot', 'snapshots')}`,
    truncated: 'Only the first matches are shown: type more of the title.',
    gone: (date: string) => `Not in the newest snapshot · last seen ${date}`,
    present: 'In the newest snapshot',
    inSnapshots: (count: number) => `in ${plural(count, 'snapshot', 'snapshots')}`,
    titlesTitle: 'By title',
    textTitle: 'In the text of pages',
    textPresent: 'Still in the newest snapshot',
    textGone: (date: string) => `Not in the newest snapshot · last in the snapshot of ${date}`,
    openText: 'Open',
    openTextLabel: (title: string) => `Open ${title} in the newest snapshot that has this text`,
    notIndexed: (count: number) =>
      `The text of ${plural(count, 'snapshot was', 'snapshots were')} not searched: made on another computer or before text search existed. Their titles were.`,
    versions: 'Versions…',
    versionsLabel: (title: string) => `Versions of ${title}`,
    clear: 'Clear',
  },
  versions: {
    back: '← Snapshots',
    title: (title: string) => `Versions of “${title}”`,
    lead: 'Each version is the page as a backup found it. Snapshots holding the same version are shown once.',
    loading: 'Reading every snapshot’s list of pages…',
    problem: 'The versions could not be read:',
    none: 'No snapshot holds this page.',
    gone: 'This page is not in the newest snapshot: it was deleted or moved out of what is backed up since.',
    edited: (date: string) => `Edited in Notion ${date}`,
    editedUnknown: 'Last edit unknown',
    sameIn: (count: number) => (count > 1 ? `Same in ${plural(count, 'snapshot', 'snapshots')}` : ''),
    newest: 'Newest',
    preview: 'Preview',
    previewLabel: (date: string) => `Preview the version of ${date}`,
    restore: 'Restore this version…',
    restoreLabel: (date: string) => `Restore the version of ${date}`,
    versionsButton: 'Versions of this page…',
    compare: 'Changes from the version before',
    compareLabel: (date: string) => `What changed in the version of ${date}, from the version before`,
  },
  diff: {
    title: (title: string) => `What changed in “${title}”`,
    between: (from: string, to: string) => `From the snapshot of ${from} to the snapshot of ${to}. Added text is underlined in green, removed text struck through in red.`,
    loading: 'Reading both versions of the page…',
    problem: 'The versions could not be compared:',
    counts: (added: number, removed: number, changed: number) => {
      const parts = [added > 0 ? `${added.toLocaleString()} added` : '', removed > 0 ? `${removed.toLocaleString()} removed` : '', changed > 0 ? `${changed.toLocaleString()} changed` : ''].filter(Boolean);
      if (parts.length === 0) return 'The text is the same in both versions.';
      return `${added + removed + changed === 1 ? 'One block' : 'Blocks'}: ${parts.join(', ')}`;
    },
    renamed: (before: string, after: string) => `Renamed from “${before}” to “${after}”`,
    truncated: 'The page is long: only its beginning is compared.',
    empty: 'Both versions are empty.',
    unchanged: (count: number) => `Show ${plural(count, 'unchanged block', 'unchanged blocks')}`,
    blockOfType: (type: string) => `(${type.replace(/_/g, ' ')})`,
    marks: { added: 'Added', removed: 'Removed', changed: 'Changed', same: 'Unchanged' },
    back: '← Versions of this page',
    backToSnapshots: '← Snapshots',
  },
};
