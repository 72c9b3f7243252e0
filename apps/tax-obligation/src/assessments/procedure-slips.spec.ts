import {
  aHouseSlip,
  anHeir,
  anInheritanceSlip,
  aPurposeChangeSlip,
} from '../test-support/slip.factory';
import { planFilings } from './filings';
import { Slip } from './slip';
import { evaluateSlip, SlipEvaluation } from './slip-evaluation';
import { SlipProblemCode } from './slip-problems';

const NOTICE_DATE = '2026-03-09';

function assessed(evaluation: SlipEvaluation) {
  if (evaluation.kind !== 'ASSESSED') throw new Error(JSON.stringify(evaluation.problems));
  return evaluation.assessment;
}

function problems(evaluation: SlipEvaluation) {
  if (evaluation.kind !== 'INCOMPLETE') throw new Error('expected the slip to be returned');
  return evaluation.problems;
}

const lines = (slip: Slip) =>
  assessed(evaluateSlip(slip, NOTICE_DATE)).lines.map((l) => [l.code, l.taxpayer.id, l.amountVnd]);

describe('evaluating an inheritance slip with heirs', () => {
  it('taxes each heir on their half: the child pays nothing, the unrelated heir 10 % above 10 M and the fee', () => {
    expect(lines({ kind: 'TRANSFER', payload: anInheritanceSlip('HS-1') })).toEqual([
      ['PIT', '001195004321', 0n],
      ['PIT', '001085007777', 199_000_000n],
      ['REGISTRATION_FEE', '001195004321', 0n],
      ['REGISTRATION_FEE', '001085007777', 10_000_000n],
    ]);
  });

  it('files one return per heir, each with their own notices', () => {
    const slip = anInheritanceSlip('HS-1');
    const assessment = assessed(evaluateSlip({ kind: 'TRANSFER', payload: slip }, NOTICE_DATE));
    const plans = planFilings(slip.dossierCode, 1, assessment, NOTICE_DATE);
    expect(plans.map((p) => [p.request.taxpayer.name, p.drafts.map((d) => d.amountVnd)])).toEqual([
      ['Nguyễn Thị Hoa', [0, 0]],
      ['Lê Văn Khoa', [199_000_000, 10_000_000]],
    ]);
  });

  it('returns a slip whose heirs’ shares are not the whole estate', () => {
    const slip = anInheritanceSlip('HS-1', {
      heirs: [anHeir(), anHeir({ citizenId: '001085007777', shareDenominator: 3 })],
    });
    expect(problems(evaluateSlip({ kind: 'TRANSFER', payload: slip }, NOTICE_DATE))).toEqual([
      {
        field: 'heirs',
        code: SlipProblemCode.SHARES_DO_NOT_ADD_UP,
        messageVi: expect.stringContaining('5/6'),
      },
    ]);
  });

  it('keeps assessing an inheritance without heirs on the buyers together', () => {
    const slip = anInheritanceSlip('HS-1', { heirs: undefined });
    expect(lines({ kind: 'TRANSFER', payload: slip }).map(([code]) => code)).toEqual([
      'PIT',
      'REGISTRATION_FEE',
    ]);
  });
});

describe('evaluating a purpose-change slip', () => {
  it('charges the land-use levy in two instalments, 50 % within 30 days and 50 % within 90', () => {
    const [levy] = assessed(
      evaluateSlip({ kind: 'PURPOSE_CHANGE', payload: aPurposeChangeSlip('HS-2') }, NOTICE_DATE),
    ).lines;
    expect(levy).toMatchObject({
      code: 'LAND_USE_LEVY',
      taxpayer: { id: '001070002222', role: 'LAND_USER' },
      amountVnd: 231_000_000n,
    });
    expect(levy.dueDates.map((d) => [d.amountVnd, d.dueOn])).toEqual([
      [115_500_000n, '2026-04-08'],
      [115_500_000n, '2026-06-08'],
    ]);
  });

  it('returns a slip whose old purpose the price table does not price there, naming the field', () => {
    const slip = aPurposeChangeSlip('HS-2', { fromPurpose: 'LUC' });
    expect(
      problems(evaluateSlip({ kind: 'PURPOSE_CHANGE', payload: slip }, NOTICE_DATE)),
    ).toMatchObject([{ field: 'fromPurpose', code: SlipProblemCode.NO_PRICE_FOR_PURPOSE }]);
  });

  it('returns a slip converting more than the parcel or to an unknown purpose', () => {
    const slip = aPurposeChangeSlip('HS-2', { convertedAreaTenthsM2: 9999, toPurpose: 'XYZ' });
    expect(
      problems(evaluateSlip({ kind: 'PURPOSE_CHANGE', payload: slip }, NOTICE_DATE)),
    ).toMatchObject([
      { field: 'toPurpose', code: SlipProblemCode.PURPOSE_NOT_SUPPORTED },
      { field: 'convertedAreaTenthsM2', code: SlipProblemCode.AREA_EXCEEDS_PARCEL },
    ]);
  });
});

describe('evaluating a house slip', () => {
  it('charges the owners 0.5 % of the house value under the first owner’s code', () => {
    const owners = [
      aHouseSlip('x').owners[0],
      { fullName: 'Trần Thị Bình', citizenId: '001190005678', address: 'An Giang' },
    ];
    const [fee] = assessed(
      evaluateSlip({ kind: 'HOUSE', payload: aHouseSlip('HS-3', { owners }) }, NOTICE_DATE),
    ).lines;
    expect(fee).toMatchObject({
      code: 'REGISTRATION_FEE',
      taxpayer: { id: '001060100000', nameVi: 'Nguyễn Văn An, Trần Thị Bình', role: 'OWNER' },
      baseVnd: 210_000_000n,
      amountVnd: 1_050_000n,
      dueDates: [{ dueOn: '2026-04-08' }],
    });
  });

  it('returns a house slip of a province without a house price table', () => {
    const slip = aHouseSlip('HS-3', { parcel: { ...aHouseSlip('x').parcel, provinceCode: '79' } });
    expect(problems(evaluateSlip({ kind: 'HOUSE', payload: slip }, NOTICE_DATE))).toMatchObject([
      { field: 'parcel.provinceCode', code: SlipProblemCode.NO_HOUSE_PRICE_TABLE },
    ]);
  });
});
