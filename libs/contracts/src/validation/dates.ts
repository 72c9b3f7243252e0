import { ValidationOptions } from 'class-validator';
import { vietnamDateOf } from '@lien-thong/calendar';
import { fieldCheck } from './register';

/**
 * The day the Land Law 1993 took effect, the first to let households and individuals
 * transfer land-use rights (art. 3.2): no transfer contract can be older. A plausibility
 * floor only; the intake also refuses a contract older than the certificate it sells.
 */
export const FIRST_TRANSFER_DATE = '1993-10-15';

/** Whether a string is a calendar date (YYYY-MM-DD) that exists. */
export function isCalendarDate(value: unknown): value is string {
  // Date.parse('2026-02-30') is 2 March, not an error: the date must read back the same.
  return (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(value)) &&
    new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value
  );
}

function pastDateProblem(value: unknown): string | null {
  if (!isCalendarDate(value)) return 'Ngày phải có dạng YYYY-MM-DD và có thật trên lịch';
  return value > vietnamDateOf(new Date()) ? 'Ngày ký hợp đồng không được sau ngày hôm nay' : null;
}

/** A calendar date (YYYY-MM-DD) that is not after today in Việt Nam. */
export function IsPastLocalDate(options?: ValidationOptions) {
  return fieldCheck('isPastLocalDate', pastDateProblem, options);
}

/** The date of a land-use-right transfer contract: a past date, not before the 1993 law. */
export function IsContractDate(options?: ValidationOptions) {
  return fieldCheck(
    'isContractDate',
    (value) =>
      pastDateProblem(value) ??
      ((value as string) < FIRST_TRANSFER_DATE
        ? 'Ngày ký hợp đồng không được trước ngày 15/10/1993 (Luật Đất đai 1993 có hiệu lực, cho phép chuyển nhượng quyền sử dụng đất)'
        : null),
    options,
  );
}
