import { mkdir, stat } from 'node:fs/promises';
import type { PlakarDetection } from '../../shared/ipc/contract';
import { detectPlakar } from '../engine/plakar/detect';
import type { PlakarDirs } from '../engine/plakar/process';
import type { ServiceConfig } from './config';
import { appPlakarDirs } from './config';

/**
 * Which plakar the app runs: the one chosen in the app, else PLAKAR_BIN, else the first on PATH or in
 * the usual install folders. Detecting it runs `plakar version`, so the answer is kept and asked again
 * only when the choice changes or the binary file does (a new install, an upgrade). A plakar that was
 * not found is looked for again every time: the user may have just installed it.
 */
export class PlakarResolver {
  private cached: { key: string; signature: string; detection: PlakarDetection } | undefined;

  constructor(
    private readonly config: ServiceConfig,
    private readonly chosenPath: () => string | null | undefined,
  ) {}

  /** plakar's private config and cache folders (never the user's own), created on first use. */
  async dirs(): Promise<PlakarDirs> {
    const dirs = appPlakarDirs(this.config);
    await mkdir(dirs.cacheHome, { recursive: true, mode: 0o700 });
    return dirs;
  }

  async resolve(): Promise<PlakarDetection> {
    const explicitPath = this.chosenPath() ?? this.config.plakarBin;
    const key = JSON.stringify([explicitPath ?? null, this.config.searchPath]);
    const cached = this.cached;
    if (cached?.key === key && 'path' in cached.detection && (await fileSignature(cached.detection.path)) === cached.signature) {
      return cached.detection;
    }
    const detection = await detectPlakar({ explicitPath, pathEnv: this.config.searchPath, dirs: await this.dirs() });
    const signature = detection.status === 'found' || detection.status === 'too-old' ? await fileSignature(detection.path) : undefined;
    this.cached = signature === undefined ? undefined : { key, signature, detection };
    return detection;
  }

  /** A program the user just chose (not yet saved): always checked afresh. */
  async probe(explicitPath: string): Promise<PlakarDetection> {
    return detectPlakar({ explicitPath, dirs: await this.dirs() });
  }
}

/** Changes when the file at `file` is replaced or rewritten; undefined when it is gone. */
async function fileSignature(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    return `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    return undefined;
  }
}
