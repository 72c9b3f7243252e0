import { createCatalogue, feesFor } from './catalogue';
import { PROCEDURE_KEYS } from './model';
import { reducedAmount } from './fees';
import { BUNDLED_PROCEDURE_FILES } from './bundled-data';

const TODAY = '2026-12-06';

describe('provincial fees of a procedure', () => {
  it('charges the full price at the counter, citing the decision', () => {
    expect(
      feesFor({ procedure: 'TRANSFER', provinceCode: '01', channel: 'COUNTER', on: TODAY }),
    ).toEqual([
      {
        code: 'DOSSIER_APPRAISAL',
        labelVi: 'Phí thẩm định hồ sơ cấp Giấy chứng nhận',
        amountVnd: 500_000,
        decisionVi: 'Nghị quyết số 06/2020/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội',
      },
      expect.objectContaining({ code: 'CERTIFICATE_ISSUANCE', amountVnd: 100_000 }),
    ]);
  });

  it('reduces online only the lines the province lists, and cites the reducing decision', () => {
    const online = feesFor({
      procedure: 'TRANSFER',
      provinceCode: '01',
      channel: 'ONLINE',
      on: TODAY,
    });
    // Hà Nội's reduction lists the certificate charge, not the appraisal fee.
    expect(online[0]).toEqual(
      expect.objectContaining({ code: 'DOSSIER_APPRAISAL', amountVnd: 500_000 }),
    );
    expect(online[0].fullAmountVnd).toBeUndefined();
    expect(online[1]).toEqual({
      code: 'CERTIFICATE_ISSUANCE',
      labelVi: expect.any(String),
      amountVnd: 75_000,
      fullAmountVnd: 100_000,
      decisionVi:
        'Nghị quyết số 06/2020/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội; giảm 25% khi nộp hồ sơ trực tuyến theo Nghị quyết số 12/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội',
    });
    // An Giang lists the appraisal fee only.
    const anGiang = feesFor({
      procedure: 'TRANSFER',
      provinceCode: '91',
      channel: 'ONLINE',
      on: TODAY,
    });
    expect(anGiang.map((l) => [l.code, l.amountVnd, l.fullAmountVnd])).toEqual([
      ['DOSSIER_APPRAISAL', 175_000, 350_000],
      ['CERTIFICATE_ISSUANCE', 50_000, undefined],
    ]);
  });

  it('never lists a national tax among the provincial fees', () => {
    for (const procedure of PROCEDURE_KEYS)
      for (const provinceCode of ['01', '91'])
        for (const channel of ['ONLINE', 'COUNTER'] as const) {
          const lines = feesFor({ procedure, provinceCode, channel, on: TODAY });
          for (const line of lines) {
            expect(['PIT', 'REGISTRATION_FEE', 'LAND_USE_LEVY']).not.toContain(line.code);
            expect(Number.isSafeInteger(line.amountVnd)).toBe(true);
          }
        }
  });

  it('charges a mortgage the registration charge, and its release nothing (sample data)', () => {
    expect(
      feesFor({ procedure: 'MORTGAGE', provinceCode: '01', channel: 'ONLINE', on: TODAY }),
    ).toEqual([expect.objectContaining({ amountVnd: 60_000, fullAmountVnd: 80_000 })]);
    expect(
      feesFor({ procedure: 'MORTGAGE_RELEASE', provinceCode: '91', channel: 'COUNTER', on: TODAY }),
    ).toEqual([]);
  });

  it('rounds a reduced amount down to the whole VND', () => {
    expect(reducedAmount(33_333, 2_500)).toBe(24_999);
    expect(reducedAmount(100_000, 10_000)).toBe(0);
  });

  it('refuses a province without a schedule, and a line the schedule does not price', () => {
    expect(() =>
      feesFor({ procedure: 'TRANSFER', provinceCode: '79', channel: 'COUNTER', on: TODAY }),
    ).toThrow('PROCEDURES.NO_FEE_SCHEDULE');
    expect(() =>
      feesFor({ procedure: 'TRANSFER', provinceCode: '01', channel: 'COUNTER', on: '2025-06-30' }),
    ).toThrow('PROCEDURES.NOT_IN_FORCE');
    const catalogue = createCatalogue({
      procedures: BUNDLED_PROCEDURE_FILES,
      fees: [
        {
          provinceCode: '01',
          provinceNameVi: 'Thành phố Hà Nội',
          versions: [{ effectiveFrom: '2025-07-01', lines: [] }],
        },
      ],
    });
    expect(() =>
      feesFor(
        { procedure: 'TRANSFER', provinceCode: '01', channel: 'COUNTER', on: TODAY },
        catalogue,
      ),
    ).toThrow('PROCEDURES.FEE_NOT_SET');
  });

  it('takes a new resolution as a new version from its date', () => {
    const version = (effectiveFrom: string, amount: number) => ({
      effectiveFrom,
      lines: [
        {
          code: 'DOSSIER_APPRAISAL',
          labelVi: 'Phí thẩm định hồ sơ',
          decisionVi: `Nghị quyết ${effectiveFrom}`,
          amountsVnd: { MORTGAGE: amount },
        },
      ],
    });
    const [, , , , mortgage] = BUNDLED_PROCEDURE_FILES as Record<string, unknown>[];
    const catalogue = createCatalogue({
      procedures: [{ ...mortgage, feeCodes: ['DOSSIER_APPRAISAL'] }],
      fees: [
        {
          provinceCode: '91',
          provinceNameVi: 'Tỉnh An Giang',
          versions: [version('2025-07-01', 10_000), version('2027-01-01', 12_000)],
        },
      ],
    });
    const on = (date: string) =>
      feesFor(
        { procedure: 'MORTGAGE', provinceCode: '91', channel: 'ONLINE', on: date },
        catalogue,
      );
    expect(on('2026-12-31')[0].amountVnd).toBe(10_000);
    expect(on('2027-01-01')[0]).toMatchObject({
      amountVnd: 12_000,
      decisionVi: 'Nghị quyết 2027-01-01',
    });
  });
});
