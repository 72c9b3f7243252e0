import type { PaymentNoticeV1 } from '@lien-thong/contracts';
import { isLate } from './late-payment';

const notice = (dueDate: string, amountVnd: number): PaymentNoticeV1 => ({
  noticeNumber: `TB-${dueDate}`,
  code: 'PIT',
  labelVi: 'Thuế thu nhập cá nhân',
  taxpayerName: 'Nguyễn Văn An',
  baseVnd: 4_000_000_000,
  amountVnd,
  dueDate,
  legalBasis: 'Luật Thuế thu nhập cá nhân',
});

describe('a late payment', () => {
  const notices = [notice('2026-04-08', 80_000_000), notice('2026-04-20', 20_000_000)];

  it('is on time on the due date itself, in Vietnam', () => {
    expect(isLate(notices, '2026-04-08T16:59:59Z')).toBe(false);
  });

  it('is late from the day after the earliest due date, in Vietnam', () => {
    expect(isLate(notices, '2026-04-08T17:00:00Z')).toBe(true);
  });

  it('ignores notices with nothing to pay', () => {
    expect(isLate([notice('2026-03-09', 0), ...notices], '2026-04-01T03:00:00Z')).toBe(false);
  });
});
