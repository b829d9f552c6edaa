/** A count with its noun: "1 page", "2 pages", "1,204 pages". */
export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/** Counts of what a job made, as its one-line summary says them: "1 page, 0 databases, 2 rows". */
export function countsSummary(counts: Readonly<Partial<Record<'pages' | 'databases' | 'rows' | 'blocks' | 'files' | 'comments', number>>>): string {
  const nouns = [
    ['pages', 'page', 'pages'],
    ['databases', 'database', 'databases'],
    ['rows', 'row', 'rows'],
    ['blocks', 'block', 'blocks'],
    ['files', 'file', 'files'],
    ['comments', 'comment', 'comments'],
  ] as const;
  return nouns.flatMap(([key, one, many]) => (counts[key] === undefined ? [] : [plural(counts[key], one, many)])).join(', ');
}
