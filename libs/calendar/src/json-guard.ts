import { CalendarErrorCode, CalendarException } from './errors';
import { assertLocalDate, LocalDate } from './local-date';

/**
 * Narrowing helpers for bundled JSON. A data file with a typo must fail loudly at load
 * time, not produce a wrong deadline months later. Internal to this library.
 */
export type Json = Record<string, unknown>;

function fail(path: string, expected: string): never {
  throw new CalendarException(CalendarErrorCode.INVALID_DATA, `${path}: expected ${expected}`);
}

export function obj(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object');
  return value as Json;
}

export function arr(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value;
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

export function int(value: unknown, path: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min)
    fail(path, `an integer >= ${min}`);
  return value;
}

export function date(value: unknown, path: string): LocalDate {
  if (typeof value !== 'string') fail(path, 'a YYYY-MM-DD date');
  return assertLocalDate(value, path);
}

export function optDate(value: unknown, path: string): LocalDate | undefined {
  return value === undefined ? undefined : date(value, path);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], path: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    fail(path, allowed.join(' | '));
  return value as T;
}
