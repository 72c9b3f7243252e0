import { vietnamCalendar } from '@lien-thong/calendar';
import { aSale } from './__fixtures__/transfer.factory';
import { assessTransfer } from './assess';
import { dueDates } from './payment';

describe('payment due dates', () => {
  it('gives the income tax and the fee 30 days from the notice', () => {
    const { lines } = assessTransfer(aSale({ noticeIssuedOn: '2026-03-02' }));
    expect(
      lines.map((l) => l.dueDates.map((d) => [d.amountVnd, d.daysAfterNotice, d.dueOn])),
    ).toEqual([[[80_000_000n, 30, '2026-04-01']], [[20_000_000n, 30, '2026-04-01']]]);
  });

  it('moves a deadline that lands inside Tết to the first working day after it', () => {
    // 18/01/2026 + 30 days = 17/02/2026, mùng 1 Tết → Monday 23/02/2026.
    const { lines } = assessTransfer(
      aSale({
        noticeIssuedOn: '2026-01-18',
        contractDate: '2026-01-10',
        declarationDate: '2026-01-12',
      }),
    );
    expect(lines[0].dueDates[0].dueOn).toBe('2026-02-23');
  });

  it('moves a deadline on a Sunday to Monday', () => {
    // 06/02/2026 + 30 days = Sunday 08/03/2026.
    const { lines } = assessTransfer(aSale({ noticeIssuedOn: '2026-02-06' }));
    expect(lines[0].dueDates[0].dueOn).toBe('2026-03-09');
  });

  it('gives only the day count when the notice date is not known yet', () => {
    const [line] = assessTransfer(aSale()).lines;
    expect(line.dueDates).toEqual([
      expect.objectContaining({ daysAfterNotice: 30, amountVnd: 80_000_000n }),
    ]);
    expect(line.dueDates[0].dueOn).toBeUndefined();
  });

  it('has nothing to pay on an exempt line', () => {
    const [line] = assessTransfer(
      aSale({ kind: 'GIFT', transferors: [{ id: 's', relationshipToRecipient: 'SPOUSE' }] }),
    ).lines;
    expect(line.dueDates).toEqual([]);
  });

  it('makes instalments add up exactly, the last taking the remainder', () => {
    const rule = {
      installments: [
        { daysAfterNotice: 30, shareBasisPoints: 5000 },
        { daysAfterNotice: 90, shareBasisPoints: 5000 },
      ],
      legalBasis: [],
    };
    const split = dueDates(101n, rule, 'HALF_UP_TO_VND', vietnamCalendar());
    expect(split.map((d) => d.amountVnd)).toEqual([51n, 50n]);
  });
});
