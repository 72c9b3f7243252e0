import type { TaxFilingResponse } from '@lien-thong/agency-contracts';
import { aSeller, aSlip } from '../test-support/slip.factory';
import { issuedNotices, planFilings } from './filings';
import { evaluateSlip } from './slip-evaluation';

function plansFor(slip = aSlip('HS-1'), noticeIssuedOn = '2026-03-09') {
  const evaluation = evaluateSlip({ kind: 'TRANSFER', payload: slip }, noticeIssuedOn);
  if (evaluation.kind !== 'ASSESSED') throw new Error('expected an assessment');
  return planFilings(slip.dossierCode, slip.slipRevision, evaluation.assessment, noticeIssuedOn);
}

function answerTo(plan: ReturnType<typeof plansFor>[number], first: number): TaxFilingResponse {
  return {
    filingId: plan.request.filingId,
    dossierCode: plan.request.dossierCode,
    notices: plan.request.obligations.map((o, i) => ({
      noticeNumber: `TB-${first + i}`,
      ...o,
    })),
    receivedAt: '2026-03-09T02:00:00.000Z',
    status: 'FILED',
  };
}

describe('filing an assessment with e-tax', () => {
  it('files once per taxpayer: the seller’s income tax, the buyer’s registration fee', () => {
    expect(plansFor().map((p) => p.request)).toEqual([
      {
        filingId: 'HS-1-R1-001080001234',
        dossierCode: 'HS-1',
        taxpayer: { name: 'Nguyễn Văn An', taxCode: '001080001234' },
        obligations: [{ code: 'PIT', amountVnd: 80_000_000, dueDate: '2026-04-08' }],
      },
      {
        filingId: 'HS-1-R1-001190005678',
        dossierCode: 'HS-1',
        taxpayer: { name: 'Trần Thị Bình', taxCode: '001190005678' },
        obligations: [{ code: 'REGISTRATION_FEE', amountVnd: 20_000_000, dueDate: '2026-04-08' }],
      },
    ]);
  });

  it('moves a deadline that falls on a weekend to the next working day', () => {
    // 30 days after Thursday 5 March 2026 is Saturday 4 April: due Monday 6 April.
    const [pit] = plansFor(aSlip('HS-1'), '2026-03-05');
    expect(pit.request.obligations[0].dueDate).toBe('2026-04-06');
  });

  it('keeps an exempt line on record as a notice for 0 VND, explained', () => {
    const slip = aSlip('HS-1', { sellers: [aSeller({ relationshipToBuyer: 'PARENT_CHILD' })] });
    const [pit] = plansFor(slip);
    expect(pit.drafts).toEqual([
      expect.objectContaining({
        code: 'PIT',
        amountVnd: 0,
        baseVnd: 4_000_000_000,
        dueDate: '2026-03-09',
        exemptionVi: expect.stringContaining('cha đẻ, mẹ đẻ với con đẻ'),
        legalBasis: expect.stringContaining('Điều 4'),
      }),
    ]);
  });

  it('takes the notice numbers and due dates the tax office issued', () => {
    const plans = plansFor();
    const answers = [answerTo(plans[0], 1), { ...answerTo(plans[1], 2) }];
    answers[1].notices[0].dueDate = '2026-04-09';
    expect(issuedNotices(plans, answers)).toEqual([
      expect.objectContaining({ noticeNumber: 'TB-1', code: 'PIT', amountVnd: 80_000_000 }),
      expect.objectContaining({
        noticeNumber: 'TB-2',
        code: 'REGISTRATION_FEE',
        amountVnd: 20_000_000,
        dueDate: '2026-04-09',
        labelVi: 'Lệ phí trước bạ',
        taxpayerName: 'Trần Thị Bình',
      }),
    ]);
  });

  it('refuses an answer whose notices do not match what was filed', () => {
    const plans = plansFor();
    const answers = plans.map((plan, i) => answerTo(plan, i));
    answers[0].notices[0].amountVnd = 1;
    expect(() => issuedNotices(plans, answers)).toThrow('different notices');
  });
});
