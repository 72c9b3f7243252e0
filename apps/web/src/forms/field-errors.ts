import { ApiError, FieldError } from '../api/client';
import type { FormSection, FormValues, ProcedureFormSpec } from './form-spec';

/** "sellers.0.citizenId" → ['sellers', 0, 'citizenId'] (the name path of an AntD Form field). */
export function namePathOf(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The field errors of an API answer: the ValidationPipe's (400) and the domain's (409, 422). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  return error instanceof ApiError ? error.fieldErrors : [];
}

function sectionPaths(section: FormSection, values: FormValues): string[] {
  if (section.kind === 'group') return section.fields.map((f) => f.name);
  const items = values[section.name];
  const count = Array.isArray(items) ? items.length : 0;
  return Array.from({ length: count }, (_, i) =>
    section.fields.map((f) => `${section.name}.${i}.${f.name}`),
  ).flat();
}

/** Every input of the form as it stands (lists as long as they are now), by dotted path. */
export function fieldPathsOf(spec: ProcedureFormSpec, values: FormValues): Set<string> {
  return new Set(spec.sections.flatMap((s) => sectionPaths(s, values)));
}

export interface MatchedErrors {
  /** Messages by the dotted path of an input of the form. */
  byField: Map<string, string[]>;
  /** Errors of no input (an empty list, a rule of the whole form): shown above the button. */
  unmatched: FieldError[];
}

/**
 * The API's field errors placed on the form's inputs: its own path, else the alias the
 * procedure gives (`parcel` → the parcel number), else unmatched.
 */
export function matchFieldErrors(
  errors: FieldError[],
  inputs: Set<string>,
  aliases: Record<string, string> = {},
): MatchedErrors {
  const byField = new Map<string, string[]>();
  const unmatched: FieldError[] = [];
  for (const e of errors) {
    const path = inputs.has(e.field) ? e.field : aliases[e.field];
    if (path && inputs.has(path)) {
      const messages = byField.get(path) ?? [];
      if (!messages.includes(e.message)) byField.set(path, [...messages, e.message]);
    } else unmatched.push(e);
  }
  return { byField, unmatched };
}
