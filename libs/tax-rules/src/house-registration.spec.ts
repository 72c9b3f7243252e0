import { assessHouseRegistration, HouseRegistrationInput } from './house-registration';
import { bundledRuleBook } from './rule-book';

function aHouse(overrides: Partial<HouseRegistrationInput> = {}): HouseRegistrationInput {
  return {
    owner: { id: '001080001234', nameVi: 'Nguyễn Văn An' },
    provinceCode: '01',
    house: { grade: 'III', floorAreaTenthsM2: 1200, builtYear: 2010 },
    declarationDate: '2026-03-05',
    noticeIssuedOn: '2026-03-09',
    ...overrides,
  };
}

describe('assessHouseRegistration: registration fee on a house', () => {
  it('charges 0.5 % of floor area × new-build price × remaining quality (worked example)', () => {
    // Hà Nội sample: grade III 6,500,000 VND/m²; built 2010, declared 2026: 16 years of use,
    // 35 % remaining; 120.0 m² × 6,500,000 × 35 % = 273,000,000; fee 1,365,000.
    const { lines, totalVnd } = assessHouseRegistration(aHouse());
    expect(totalVnd).toBe(1_365_000n);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      code: 'REGISTRATION_FEE',
      labelVi: 'Lệ phí trước bạ (nhà)',
      taxpayer: { id: '001080001234', role: 'OWNER' },
      baseVnd: 273_000_000n,
      baseSource: 'PRICE_TABLE',
      rate: { basisPoints: 50, labelVi: '0,5%' },
      amountVnd: 1_365_000n,
      ruleSetId: 'REGISTRATION-FEE-2025-07-01',
      dueDates: [{ installment: 1, amountVnd: 1_365_000n, dueOn: '2026-04-08' }],
    });
    expect(Object.fromEntries(lines[0].inputs.map((i) => [i.key, i.value]))).toMatchObject({
      houseGrade: 'Cấp III',
      newBuildUnitPriceVnd: '6.500.000 đồng/m²',
      yearsOfUse: '16 năm (xây dựng năm 2010; trên 10 đến 20 năm)',
      remainingQualityPercent: '35% [HOUSE-QUALITY-2022-03-01]',
    });
  });

  it('uses the province’s own new-build prices (An Giang)', () => {
    // 120.0 m² × 5,000,000 × 35 % = 210,000,000; fee 1,050,000.
    expect(assessHouseRegistration(aHouse({ provinceCode: '91' })).totalVnd).toBe(1_050_000n);
  });

  it.each([
    [2026, 100],
    [2022, 80],
    [2021, 65],
    [1970, 20],
  ])('a grade III house built in %i keeps %i %% of its new-build value', (builtYear, percent) => {
    const [line] = assessHouseRegistration(
      aHouse({ house: { grade: 'III', floorAreaTenthsM2: 1000, builtYear } }),
    ).lines;
    expect(line.baseVnd).toBe((650_000_000n * BigInt(percent)) / 100n);
  });

  it('finds no house price for a province without a table', () => {
    expect(() => assessHouseRegistration(aHouse({ provinceCode: '79' }))).toThrow(
      'TAX_RULES.NO_HOUSE_PRICE_TABLE',
    );
  });

  it('refuses a house built after it is declared', () => {
    expect(() =>
      assessHouseRegistration(
        aHouse({ house: { grade: 'I', floorAreaTenthsM2: 10, builtYear: 2027 } }),
      ),
    ).toThrow('TAX_RULES.INVALID_INPUT');
  });

  it('bundles a house price table for each province that has a land price table', () => {
    const book = bundledRuleBook();
    expect(new Set(book.housePriceTables.map((t) => t.provinceCode))).toEqual(
      new Set(book.priceTables.map((t) => t.provinceCode)),
    );
  });
});
