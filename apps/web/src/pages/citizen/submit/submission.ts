import type { FormInstance } from 'antd';
import { ApiError } from '../../../api/client';
import { namePath } from './field-specs';

/** The receipt of an online submission (apps/land-registry/src/intake/dto/receipt-view.dto.ts). */
export interface Receipt {
  dossierCode: string;
  procedure: string;
  receivedAt: string;
  appointmentAt: string;
  workingDays: number;
  fees: { code: string; labelVi: string; amountVnd: number; decisionVi: string }[];
  trackingSecret: string | null;
  receiptVi: string;
}

/** The form's values as the API takes them: blank fields left out, text trimmed. */
export function requestBody(values: unknown): unknown {
  if (Array.isArray(values)) return values.map(requestBody);
  if (values && typeof values === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const clean = requestBody(value);
      if (clean !== undefined) out[key] = clean;
    }
    return out;
  }
  if (typeof values === 'string') return values.trim() === '' ? undefined : values.trim();
  return values ?? undefined;
}

/**
 * Puts the API's Vietnamese message of each field next to that field ("sellers.0.citizenId"
 * is the first seller's ID number); answers the error with the messages no field showed.
 */
export function showFieldErrors(form: FormInstance, error: unknown): unknown {
  if (!(error instanceof ApiError) || error.fieldErrors.length === 0) return error;
  const known = new Set(form.getFieldsError().map((f) => f.name.join('.')));
  const shown = error.fieldErrors.filter((f) => known.has(f.field));
  form.setFields(
    shown.map((f) => ({
      name: namePath(f.field),
      errors: shown.filter((g) => g.field === f.field).map((g) => g.message),
    })),
  );
  const first = shown[0];
  if (first) form.scrollToField(namePath(first.field), { block: 'center', focus: true });
  return new ApiError(
    error.status,
    error.code,
    shown.length > 0 ? `${error.message} Xin sửa các ô được đánh dấu.` : error.message,
    error.fieldErrors.filter((f) => !known.has(f.field)),
  );
}
