import {
  IsInt,
  IsISO8601,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidationOptions,
} from 'class-validator';

function compose(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const IDEMPOTENCY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** A calendar date 'YYYY-MM-DD' that exists (2026-02-30 is refused). */
export function IsIsoDate(options: ValidationOptions = {}): PropertyDecorator {
  return compose(
    Matches(ISO_DATE, { message: 'Phải là ngày dạng YYYY-MM-DD', ...options }),
    IsISO8601({ strict: true }, { message: 'Ngày không có trong lịch', ...options }),
  );
}

/** An instant with its offset, as `Date.prototype.toISOString()` writes it. */
export function IsTimestamp(options: ValidationOptions = {}): PropertyDecorator {
  return compose(
    Matches(ISO_TIMESTAMP, {
      message: 'Phải là thời điểm ISO 8601 có múi giờ (ví dụ 2026-07-01T08:30:00Z)',
      ...options,
    }),
    IsISO8601({ strict: true }, { message: 'Thời điểm không hợp lệ', ...options }),
  );
}

/**
 * Whole đồng: no agency works in fractions of a đồng, and amounts must stay exact in a
 * JavaScript number, hence the safe-integer ceiling.
 */
export function IsVnd(minimum = 0): PropertyDecorator {
  const message = 'Số tiền phải là số nguyên đồng (VND), không âm';
  return compose(
    IsInt({ message }),
    Min(minimum, { message: minimum > 0 ? 'Số tiền phải lớn hơn 0' : message }),
    Max(Number.MAX_SAFE_INTEGER, { message: 'Số tiền quá lớn' }),
  );
}

/**
 * A client-chosen id that makes a mutating call idempotent: the same id sent again returns
 * the first answer and creates nothing. Safe in a URL path without escaping.
 */
export function IsIdempotencyId(): PropertyDecorator {
  return compose(
    IsString(),
    Matches(IDEMPOTENCY_ID, {
      message:
        'Mã định danh yêu cầu gồm 1–128 ký tự: chữ, số, dấu chấm, gạch dưới, hai chấm, gạch ngang',
    }),
  );
}

/** Short free text a person wrote (names, authorities, reasons). */
export function IsText(maxLength: number): PropertyDecorator {
  return compose(IsString(), MaxLength(maxLength));
}
