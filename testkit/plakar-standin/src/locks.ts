/**
 * Store locks (kloset `repository/lock.go`, snapshot builder `Lock`, maintenance `Lock`): backups
 * take a shared lock and refuse to start if a live exclusive (maintenance) lock exists;
 * maintenance takes an exclusive lock and refuses if any other live lock exists. A lock is stale
 * (and deleted by whoever finds it) 10 minutes after its last refresh; holders refresh every 5.
 */
import { randomBytes } from 'node:crypto';
import { parseRfc3339, nowNs, rfc3339NanoUtc } from './gofmt';
import type { LockInfo, Store } from './store';

export const LOCK_REFRESH_MS = 5 * 60 * 1000;
export const LOCK_TTL_NS = 2n * BigInt(LOCK_REFRESH_MS) * 1_000_000n;

export class LockError extends Error {}

export interface HeldLock {
  release(): Promise<void>;
}

function lockless(): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(process.env.PLAKAR_LOCKLESS ?? '');
}

function newLock(id: string, hostname: string, exclusive: boolean): LockInfo {
  return { id, version: '1.0.0', timestamp: rfc3339NanoUtc(nowNs()), hostname, exclusive, pid: process.pid };
}

function isStale(lock: LockInfo): boolean {
  const ts = parseRfc3339(lock.timestamp);
  return ts === undefined || nowNs() - ts >= LOCK_TTL_NS;
}

function holdWithRefresh(store: Store, lock: LockInfo): HeldLock {
  const timer = setInterval(() => {
    void store.putLock({ ...lock, timestamp: rfc3339NanoUtc(nowNs()) }).catch(() => undefined);
  }, LOCK_REFRESH_MS);
  timer.unref();
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      await store.deleteLock(lock.id);
    },
  };
}

/** Shared lock for a backup whose snapshot ID is `id`. */
export function takeSharedLock(store: Store, id: string, hostname: string): Promise<HeldLock> {
  return takeLock(store, id, hostname, false, (other) =>
    other.exclusive ? "Can't take repository lock, it's already locked by maintenance." : undefined,
  );
}

/** Exclusive lock for maintenance. */
export function takeExclusiveLock(store: Store, hostname: string): Promise<HeldLock> {
  return takeLock(store, randomBytes(32).toString('hex'), hostname, true, () => "Can't take exclusive lock, repository is already locked");
}

/**
 * Puts this lock, then looks at the others: stale ones are removed, and a live one that `conflict`
 * names a message for takes the lock back and fails with that message.
 */
async function takeLock(
  store: Store,
  id: string,
  hostname: string,
  exclusive: boolean,
  conflict: (other: LockInfo) => string | undefined,
): Promise<HeldLock> {
  if (lockless()) return { release: async () => undefined };
  const lock = newLock(id, hostname, exclusive);
  await store.putLock(lock);
  try {
    for (const other of await store.readLocks()) {
      if (other.id === id) continue;
      if (isStale(other)) {
        await store.deleteLock(other.id);
        continue;
      }
      const message = conflict(other);
      if (message !== undefined) throw new LockError(message);
    }
  } catch (error) {
    await store.deleteLock(id);
    throw error;
  }
  return holdWithRefresh(store, lock);
}
