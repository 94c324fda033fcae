/** Runs work under the document lock: one compile, set-up, archive, reminder run or stamp at a time. */

/**
 * Takes the document lock (waiting up to `timeoutMs`), runs `work`, releases the lock when it
 * ends, also when `work` returns a promise. When the lock stays held by another execution it
 * runs `busy` instead and never touches the sheet.
 */
export function withDocumentLock<T>(timeoutMs: number, busy: () => T, work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(timeoutMs)) return busy();
  let pending = false;
  try {
    const out = work();
    if (out && typeof (out as { then?: unknown }).then === "function") {
      pending = true;
      return (out as unknown as Promise<unknown>).finally(() => lock.releaseLock()) as T;
    }
    return out;
  } finally {
    if (!pending) lock.releaseLock();
  }
}
