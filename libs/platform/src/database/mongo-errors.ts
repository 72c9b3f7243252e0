const DUPLICATE_KEY = 11000;

/**
 * MongoDB (and FerretDB) report a unique-key violation with code 11000: for an insert of
 * several documents, on each failed one (`writeErrors`). True when that is the only
 * failure, i.e. the records already existed (how every idempotent insert recognises a repeat).
 */
export function isDuplicateKey(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; writeErrors?: { code?: unknown }[] | { code?: unknown } };
  if (e.writeErrors !== undefined) {
    const list = Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors];
    return list.length > 0 && list.every((w) => w.code === DUPLICATE_KEY);
  }
  return e.code === DUPLICATE_KEY;
}
