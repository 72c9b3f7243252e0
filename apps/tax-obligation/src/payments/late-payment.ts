import { vietnamDateOf } from '@lien-thong/calendar';
import type { PaymentNoticeV1 } from '@lien-thong/contracts';

/**
 * Paid after the earliest deadline of a notice with something to pay. A due date is the
 * last day allowed (Civil Code art. 148: a period ends at the end of its last day), judged
 * on the Vietnamese calendar day of payment.
 */
export function isLate(notices: readonly PaymentNoticeV1[], paidAt: string): boolean {
  const deadlines = notices.filter((n) => n.amountVnd > 0).map((n) => n.dueDate.slice(0, 10));
  if (deadlines.length === 0) return false;
  const earliest = deadlines.reduce((a, b) => (a < b ? a : b));
  return vietnamDateOf(new Date(paidAt)) > earliest;
}
