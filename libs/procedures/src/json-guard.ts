import { isLocalDate, LegalBasis, LocalDate } from '@lien-thong/calendar';
import { invalidData } from './errors';

/**
 * Narrowing helpers for the bundled catalogue: a typo in a data file must fail at load,
 * not print a wrong fee on a receipt. Internal to this library.
 */
export type Json = Record<string, unknown>;

export function fail(path: string, expected: string): never {
  invalidData(`${path}: expected ${expected}`);
}

export function obj(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Json;
}

export function arr<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

export function str(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.length === 0) fail(path, 'a non-empty string');
  return value;
}

export function optStr(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : str(value, path);
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'a boolean');
  return value;
}

export function int(
  value: unknown,
  path: string,
  min = 0,
  maxValue = Number.MAX_SAFE_INTEGER,
): number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < min ||
    value > maxValue
  ) {
    fail(path, `an integer in [${min}, ${maxValue}]`);
  }
  return value;
}

export function date(value: unknown, path: string): LocalDate {
  if (!isLocalDate(value)) fail(path, 'a YYYY-MM-DD date');
  return value;
}

export function optDate(value: unknown, path: string): LocalDate | undefined {
  return value === undefined ? undefined : date(value, path);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    fail(path, allowed.join(' | '));
  return value as T;
}

export function legalBasis(value: unknown, path: string): LegalBasis {
  const o = obj(value, path);
  const basis: LegalBasis = { document: str(o.document, `${path}.document`) };
  if (o.article !== undefined) basis.article = str(o.article, `${path}.article`);
  if (o.noteVi !== undefined) basis.noteVi = str(o.noteVi, `${path}.noteVi`);
  if (o.confirmed !== undefined) basis.confirmed = bool(o.confirmed, `${path}.confirmed`);
  return basis;
}

/** At least one citation: every figure of the catalogue says where it comes from. */
export function legalBases(value: unknown, path: string): LegalBasis[] {
  const list = arr(value, path, legalBasis);
  if (list.length === 0) fail(path, 'at least one legal basis');
  return list;
}
