/**
 * kafkajs 2.2.4, its last release, keeps a timer firing every millisecond on each of its
 * broker connections for as long as the connection lives, busy or not (kafkajs issues #1556,
 * #1704 and #1751, unmerged fixes in #1667 and #1768). After each look at its queue of
 * requests waiting to be sent it schedules the next look; with nothing waiting and no
 * throttling by the broker, the delay it computes is negative, which Node runs as 1 ms. A
 * service has a few such connections, so it woke up a few thousand times a second to find
 * nothing to do (issue 18, ninth pass). A look is needed only when requests wait (10 ms on,
 * kafkajs's own interval, or when the broker's throttling ends): a new request and every
 * answer look at the queue themselves. This puts that scheduling in place of kafkajs's, on
 * the one version it was read from; on any other version kafkajs is left as it is.
 */
const PATCHED_VERSION = '2.2.4';
/** kafkajs's CHECK_PENDING_REQUESTS_INTERVAL. */
const CHECK_PENDING_REQUESTS_MS = 10;

interface RequestQueue {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const PATCHED = Symbol.for('lien-thong.kafkajs.request-queue-scheduling');

/** When the queue should next be looked at, or null if nothing needs a look. */
export function nextQueueCheckMs(pending: number, throttledForMs: number): number | null {
  if (pending > 0) return throttledForMs > 0 ? throttledForMs : CHECK_PENDING_REQUESTS_MS;
  return throttledForMs > 0 ? throttledForMs : null;
}

/** Applies the scheduling above to kafkajs's RequestQueue (once); true if it is in place. */
export function patchKafkajsRequestQueue(): boolean {
  // Deep paths of the kafkajs package (it has no `exports` map): read, not copied.
  const { version } = require('kafkajs/package.json') as { version: string };
  if (version !== PATCHED_VERSION) return false;
  const { prototype } = require('kafkajs/src/network/requestQueue') as {
    prototype: RequestQueue & { [PATCHED]?: true };
  };
  if (prototype[PATCHED]) return true;
  prototype.scheduleCheckPendingRequests = function (this: RequestQueue): void {
    if (this.throttleCheckTimeoutId) return;
    const delay = nextQueueCheckMs(this.pending.length, this.throttledUntil - Date.now());
    if (delay === null) return;
    this.throttleCheckTimeoutId = setTimeout(() => {
      this.throttleCheckTimeoutId = null;
      this.checkPendingRequests();
    }, delay);
  };
  prototype[PATCHED] = true;
  return true;
}
