import type { PlakarDetection } from '../../shared/ipc/contract';
import { SUPPORTED_PLAKAR_RANGE } from '../../shared/plakar-support';

/** One line about the plakar binary, for humans. */
export function describePlakarDetection(detection: PlakarDetection): string {
  switch (detection.status) {
    case 'found':
      return `${detection.version} at ${detection.path}${detection.warning ? ` (warning: ${detection.warning})` : ''}`;
    case 'too-old':
      return `${detection.version} at ${detection.path} is too old; install plakar ${detection.minimumVersion} or newer`;
    case 'unusable':
      return `${detection.path} cannot be used: ${detection.reason}`;
    case 'not-found':
      return `not found; install plakar ${SUPPORTED_PLAKAR_RANGE} (https://plakar.io) or set PLAKAR_BIN to its path`;
  }
}
