/**
 * For a read that cannot come back empty (the record just collided on its key, or was just
 * checked): records are never deleted, so an empty answer means the database lost data.
 */
export function mustExist<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) {
    throw new Error(`${what} is missing from the database although it was just there`);
  }
  return value;
}
