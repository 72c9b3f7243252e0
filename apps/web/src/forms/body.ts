import type { Channel, FormValues } from './form-spec';

/**
 * What the form holds, as the intake body: empty inputs left out (an optional object left
 * empty is not sent), list items kept even when empty so that the API names their fields.
 */
export function cleanValue(value: unknown, inList = false): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map((v) => cleanValue(v, true) ?? {});
  if (typeof value === 'object') {
    const entries = Object.entries(value as FormValues)
      .map(([k, v]) => [k, cleanValue(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 && !inList ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/** The body the intake route (and its validation) takes. */
export function intakeBody(values: FormValues, channel: Channel): FormValues {
  return { ...((cleanValue(values) as FormValues | undefined) ?? {}), channel };
}
