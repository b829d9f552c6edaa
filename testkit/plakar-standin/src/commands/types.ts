import type { AppContext } from '../context';
import type { Store } from '../store';

/**
 * How much of the store main.go sets up before the command runs (plakar's subcommand flags):
 * nothing (`version`, `store`), the storage backend only (`create`), or an opened, unlocked store.
 */
export type CommandNeeds = 'nothing' | 'storage' | 'repository';

export interface Command {
  /** Errors thrown here are printed on stderr as `plakar: <msg>` with exit 1 (plakar's Parse). */
  parse(ctx: AppContext, args: string[]): void | Promise<void>;
  /** Errors thrown here are printed on stdout as `plakar: <msg>` (plakar's Execute). */
  execute(ctx: AppContext, target: CommandTarget): Promise<number>;
}

export interface CommandTarget {
  /** The opened store (`repository` commands). */
  store?: Store;
  /** The store's directory for `storage` commands (`create`). */
  location?: string;
}

export interface CommandEntry {
  names: readonly string[];
  needs: CommandNeeds;
  create: () => Command;
}
