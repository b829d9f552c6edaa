import type { PlakarDetection } from '../../shared/ipc/contract';

/** One line about the plakar binary, for humans. */
export function describePlakarDetection(detection: PlakarDetection): string {
  switch (detection.status) {
    case 'found':
      return `${detection.version} at ${detection.path}`;
    case 'too-old':
      return `${detection.version} at ${detection.path} is too old; install plakar ${detection.minimumVersion} or newer`;
    case 'unusable':
      return `${detection.path} cannot be used: ${detection.reason}`;
    case 'not-found':
      return 'not found; install plakar 1.1 or newer (https://plakar.io) or set PLAKAR_BIN to its path';
  }
}
