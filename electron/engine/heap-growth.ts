import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its heap grow past what is still in use after a full collection, in percent.
 *
 * By default V8 grows it up to 4 × on a machine with more than 2 GB for the heap, and a crawl makes
 * garbage fast (every Notion answer is parsed, checked and written out): a 10,000-page backup kept
 * 28 MB in use but held a 146 MB heap. At 50 % the same backup peaked at 151 MB RSS instead of
 * 219 MB, in the same time (bench/RESULTS.md, "Backups at scale"). Collections run more often;
 * at Notion's 3 requests a second that costs nothing visible.
 */
export const HEAP_GROWING_PERCENT = 50;
export const HEAP_GROWTH_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/**
 * Called first by the processes that run jobs (the CLI, Electron's main process). V8 reads this
 * flag at every full collection, so setting it once the process runs takes effect (Node's
 * setFlagsFromString, applied to a flag that is not cached at start-up).
 */
export function limitHeapGrowth(): void {
  setFlagsFromString(HEAP_GROWTH_FLAG);
}
