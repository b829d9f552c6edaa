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
export async function takeSharedLock(store: Store, id: string, hostname: string): Promise<HeldLock> {
  if (lockless()) return { release: async () => undefined };
  const lock = newLock(id, hostname, false);
  await store.putLock(lock);
  try {
    for (const other of await store.readLocks()) {
      if (other.id === id) continue;
      if (isStale(other)) {
        await store.deleteLock(other.id);
        continue;
      }
      if (other.exclusive) throw new LockError("Can't take repository lock, it's already locked by maintenance.");
    }
  } catch (error) {
    await store.deleteLock(id);
    throw error;
  }
  return holdWithRefresh(store, lock);
}

/** Exclusive lock for maintenance. */
export async function takeExclusiveLock(store: Store, hostname: string): Promise<HeldLock> {
  if (lockless()) return { release: async () => undefined };
  const id = randomBytes(32).toString('hex');
  const lock = newLock(id, hostname, true);
  await store.putLock(lock);
  try {
    for (const other of await store.readLocks()) {
      if (other.id === id) continue;
      if (isStale(other)) {
        await store.deleteLock(other.id);
        continue;
      }
      throw new LockError("Can't take exclusive lock, repository is already locked");
    }
  } catch (error) {
    await store.deleteLock(id);
    throw error;
  }
  return holdWithRefresh(store, lock);
}
