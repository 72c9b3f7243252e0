import { createHash } from 'node:crypto';

/**
 * The one serialization an audit record's hash is computed over: JSON with the keys of
 * every object sorted (recursively), dates as ISO-8601 strings, properties whose value is
 * undefined left out. Two records with the same content always serialize to the same
 * bytes, whatever order the database hands their fields back in. Anything that is not
 * plain JSON data (a Buffer, an ObjectId, a bigint, NaN) is refused rather than guessed at.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  // Tags and prototype depth rather than instanceof: records may come from another realm
  // (the driver's, a structured clone's) whose Date and Object are not this one's.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') {
    const time = Date.prototype.getTime.call(value);
    if (Number.isNaN(time)) throw new TypeError('cannot serialize an invalid date');
    return JSON.stringify(new Date(time).toISOString());
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot serialize the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value !== 'object') throw new TypeError(`cannot serialize a ${typeof value}`);
  const proto = Object.getPrototypeOf(value) as object | null;
  if (tag !== '[object Object]' || (proto !== null && Object.getPrototypeOf(proto) !== null))
    throw new TypeError(`cannot serialize a ${value.constructor?.name ?? tag} object`);
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
