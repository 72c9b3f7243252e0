/**
 * Masks what identifies a person in text shown in lists (Decree 13/2023: data minimisation):
 * 12-digit citizen IDs keep their first 3 (province) and last 2 digits, 10-digit phone
 * numbers their first 3 and last 3, e-mail addresses their first letter and domain.
 */
export function maskPersonalText(text: string): string {
  return text
    .replace(/(?<!\d)(\d{3})\d{7}(\d{2})(?!\d)/g, '$1*******$2')
    .replace(/(?<!\d)(0\d{2})\d{4}(\d{3})(?!\d)/g, '$1****$2')
    .replace(/(?<!\d)(\+84\d{2})\d{4}(\d{3})(?!\d)/g, '$1****$2')
    .replace(/\b([\p{L}\d])[\p{L}\d._%+-]*@([\p{L}\d.-]+\.[\p{L}]{2,})\b/gu, '$1***@$2');
}

/** Every string inside a JSON-like value, masked (a copy; the value is not changed). */
export function maskPersonalData<T>(value: T): T {
  if (typeof value === 'string') return maskPersonalText(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => maskPersonalData(v)) as T;
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskPersonalData(v)]),
  ) as T;
}
