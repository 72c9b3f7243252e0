import { isUtf8 } from 'node:buffer';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest JSON body accepted (issue 6: anything over 1 MB is answered 413). */
export const JSON_BODY_LIMIT = '1mb';

/** Deeper than any request of ours; deeper still overflows class-transformer's stack (a 500). */
const MAX_DEPTH = 32;

/** body-parser error types of the checks below (mapped by the HTTP filter). */
export const INVALID_UTF8 = 'encoding.invalid_utf8';
export const TOO_DEEP = 'entity.too_deep';
/** Message prefix of a parse error for a key that reaches an object's prototype. */
export const FORBIDDEN_KEY = 'forbidden key';

function depthOf(body: Buffer): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Checks on the raw body before it is parsed (found by fuzzing the public API):
 * body-parser silently turns bytes that are not UTF-8 into U+FFFD, so a name with a broken
 * byte would be stored mangled; and a body nested thousands deep crashes validation.
 */
export function verifyJsonBody(
  _req: IncomingMessage,
  _res: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) {
    throw Object.assign(new Error('the request body is not valid UTF-8'), { type: INVALID_UTF8 });
  }
  if (depthOf(body) > MAX_DEPTH) {
    throw Object.assign(new Error(`the request body is nested deeper than ${MAX_DEPTH}`), {
      type: TOO_DEEP,
    });
  }
}

/** Refuses "__proto__", "constructor" and "prototype" keys, which validation does not see. */
export function rejectPrototypeKeys(key: string, value: unknown): unknown {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype')
    throw new SyntaxError(`${FORBIDDEN_KEY} "${key}"`);
  return value;
}
