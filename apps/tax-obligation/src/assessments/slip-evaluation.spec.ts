import { aSeller, aSlip } from '../test-support/slip.factory';
import type { TransferSlipSentV1 } from '@lien-thong/contracts';
import { evaluateSlip as evaluate, SlipEvaluation } from './slip-evaluation';
import { SlipProblemCode } from './slip-problems';

const NOTICE_DATE = '2026-03-09';
const evaluateSlip = (slip: TransferSlipSentV1, on: string) =>
  evaluate({ kind: 'TRANSFER', payload: slip }, on);

function amounts(evaluation: SlipEvaluation): Record<string, bigint> {
  if (evaluation.kind !== 'ASSESSED') throw new Error(JSON.stringify(evaluation.problems));
  return Object.fromEntries(evaluation.assessment.lines.map((l) => [l.code, l.amountVnd]));
}

function problems(evaluation: SlipEvaluation) {
  if (evaluation.kind !== 'INCOMPLETE') throw new Error('expected the slip to be returned');
  return evaluation.problems;
}

describe('evaluating a transfer slip', () => {
  it('taxes the table value when the contract price is lower (worked example)', () => {
    expect(amounts(evaluateSlip(aSlip('HS-1'), NOTICE_DATE))).toEqual({
      PIT: 80_000_000n,
      REGISTRATION_FEE: 20_000_000n,
    });
  });

  it('taxes the contract price when it is higher than the table value', () => {
    const slip = aSlip('HS-1', { declaredPriceVnd: 5_000_000_000 });
    expect(amounts(evaluateSlip(slip, NOTICE_DATE))).toEqual({
      PIT: 100_000_000n,
      REGISTRATION_FEE: 25_000_000n,
    });
  });

  it('exempts a parent selling to a child from income tax but not from the fee', () => {
    const slip = aSlip('HS-1', { sellers: [aSeller({ relationshipToBuyer: 'PARENT_CHILD' })] });
    const evaluation = evaluateSlip(slip, NOTICE_DATE);
    expect(amounts(evaluation)).toEqual({ PIT: 0n, REGISTRATION_FEE: 20_000_000n });
  });

  it('returns a slip whose street segment the price table does not list, naming the field', () => {
    const slip = aSlip('HS-1', { parcel: { ...aSlip('x').parcel, priceZone: 'PHO-KHONG-CO' } });
    expect(problems(evaluateSlip(slip, NOTICE_DATE))).toEqual([
      {
        field: 'parcel.priceZone',
        code: SlipProblemCode.PRICE_ZONE_NOT_FOUND,
        messageVi: expect.stringContaining('Tuyến đường, khu vực "PHO-KHONG-CO" không có'),
      },
    ]);
  });

  it.each([
    [{ pricePosition: 9 }, 'parcel.pricePosition', SlipProblemCode.PRICE_POSITION_NOT_FOUND],
    [{ purposeCode: 'LUC' }, 'parcel.purposeCode', SlipProblemCode.NO_PRICE_FOR_PURPOSE],
    [
      { ref: { communeCode: '00007', mapSheetNumber: 1, parcelNumber: 1 } },
      'parcel.ref.communeCode',
      SlipProblemCode.COMMUNE_NOT_IN_PRICE_TABLE,
    ],
    [{ provinceCode: '79' }, 'parcel.provinceCode', SlipProblemCode.NO_PRICE_TABLE],
    [{ purposeCode: 'XYZ' }, 'parcel.purposeCode', SlipProblemCode.PURPOSE_NOT_SUPPORTED],
  ])('returns a slip the price table cannot price (%o)', (change, field, code) => {
    const slip = aSlip('HS-1', { parcel: { ...aSlip('x').parcel, ...change } });
    expect(problems(evaluateSlip(slip, NOTICE_DATE))).toMatchObject([{ field, code }]);
  });

  it('lists every problem of the slip itself at once', () => {
    const slip = aSlip('HS-1', {
      sellers: [
        aSeller({ shareNumerator: 1, shareDenominator: 2 }),
        aSeller({ fullName: ' ', shareNumerator: 2, shareDenominator: 3 }),
      ],
    });
    expect(problems(evaluateSlip(slip, NOTICE_DATE))).toEqual([
      {
        field: 'sellers[1].fullName',
        code: SlipProblemCode.NAME_MISSING,
        messageVi: 'Thiếu họ tên bên chuyển nhượng',
      },
      {
        field: 'sellers[1].citizenId',
        code: SlipProblemCode.DUPLICATE_SELLER,
        messageVi: expect.any(String),
      },
      {
        field: 'sellers',
        code: SlipProblemCode.SHARES_DO_NOT_ADD_UP,
        messageVi: expect.stringContaining('7/6'),
      },
    ]);
  });

  it('taxes a co-owner selling her half on that half: the contract price or half the table value', () => {
    // The whole parcel is worth 4,000,000,000 in the sample table (worked example above).
    const half = (price: number) =>
      aSlip('HS-2', {
        sellers: [aSeller({ shareNumerator: 1, shareDenominator: 2 })],
        declaredPriceVnd: price,
      });
    expect(amounts(evaluateSlip(half(3_000_000_000), NOTICE_DATE))).toEqual({
      PIT: 60_000_000n,
      REGISTRATION_FEE: 15_000_000n,
    });
    expect(amounts(evaluateSlip(half(1_000_000_000), NOTICE_DATE))).toEqual({
      PIT: 40_000_000n,
      REGISTRATION_FEE: 10_000_000n,
    });
  });

  it('returns a slip whose contract date no income-tax rule covers', () => {
    const slip = aSlip('HS-1', { contractDate: '2014-06-01' });
    expect(problems(evaluateSlip(slip, NOTICE_DATE))).toMatchObject([
      { field: 'contractDate', code: SlipProblemCode.NO_RULE_IN_FORCE },
    ]);
  });
});
