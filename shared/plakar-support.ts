/**
 * Which plakar releases the app supports, from shared/plakar-versions.json (the same file tells
 * scripts/install-plakar.mjs what to build for the tests). Below the oldest: refused. Newer than
 * the newest tested: accepted with a warning.
 */
import versions from './plakar-versions.json' with { type: 'json' };

const bare = (version: string): string => version.replace(/^v/, '');

export const OLDEST_SUPPORTED_PLAKAR = bare(versions.oldestSupported);
export const NEWEST_TESTED_PLAKAR = bare(versions.newestTested);

/** "1.1.4 or newer (tested with 1.1.4)", for messages that tell the user what to install. */
export const SUPPORTED_PLAKAR_RANGE =
  OLDEST_SUPPORTED_PLAKAR === NEWEST_TESTED_PLAKAR
    ? `${OLDEST_SUPPORTED_PLAKAR} or newer (tested with ${NEWEST_TESTED_PLAKAR})`
    : `${OLDEST_SUPPORTED_PLAKAR} or newer (tested with ${OLDEST_SUPPORTED_PLAKAR} to ${NEWEST_TESTED_PLAKAR})`;
