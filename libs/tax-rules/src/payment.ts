import { LocalDate, WorkingCalendar } from '@lien-thong/calendar';
import { DueDate } from './model';
import { basisPoints, mul, frac, RoundingMode, roundVnd } from './money';
import { PaymentRule } from './rules';

/**
 * Splits an amount into the instalments of a payment rule. Every instalment but the last is
 * rounded on its own; the last takes the remainder, so the instalments always add up exactly.
 * With a notice date, each due date is the notice date plus the days (Civil Code 2015
 * art. 147: counting starts the day after), moved to the next working day when it falls on a
 * rest day (art. 148).
 */
export function dueDates(
  amountVnd: bigint,
  rule: PaymentRule,
  rounding: RoundingMode,
  calendar: WorkingCalendar,
  noticeIssuedOn?: LocalDate,
): DueDate[] {
  if (amountVnd === 0n) return [];
  let allocated = 0n;
  return rule.installments.map((installment, i) => {
    const last = i === rule.installments.length - 1;
    const amount = last
      ? amountVnd - allocated
      : roundVnd(mul(frac(amountVnd), basisPoints(installment.shareBasisPoints)), rounding);
    allocated += amount;
    const due: DueDate = {
      installment: i + 1,
      amountVnd: amount,
      shareBasisPoints: installment.shareBasisPoints,
      daysAfterNotice: installment.daysAfterNotice,
      legalBasis: rule.legalBasis,
    };
    if (noticeIssuedOn !== undefined)
      due.dueOn = calendar.addCalendarDaysRolled(noticeIssuedOn, installment.daysAfterNotice);
    return due;
  });
}
