/**
 * How fast the app and the CLI send requests to Notion. Notion documents an average of about three
 * requests per second per integration; below 0.1 a job would take days. The CLI accepts up to 100 for
 * tests and proxies; the app's settings stop at 50, as its field says.
 */
export const NOTION_REQUEST_RATE = { default: 3, min: 0.1, max: 100, settingsMax: 50 } as const;
