import pit2015 from './data/rules/pit-2015-01-01.json';
import fee2017 from './data/rules/registration-fee-2017-01-01.json';
import hoanKiem from './data/price-tables/ha-noi-2026.json';
import { aSale } from './__fixtures__/transfer.factory';
import { assessTransfer } from './assess';
import { BUNDLED_PRICE_TABLE_FILES, BUNDLED_RULE_FILES } from './bundled-data';
import { bundledRuleBook, createRuleBook, pitRulesOn, registrationFeeRulesOn } from './rule-book';

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('rule book', () => {
  it('validates every bundled rule file and price table', () => {
    const book = bundledRuleBook();
    expect(book.pit).toHaveLength(1);
    expect(book.registrationFee.map((r) => r.id)).toEqual([
      'REGISTRATION-FEE-2017-01-01',
      'REGISTRATION-FEE-2022-03-01',
      'REGISTRATION-FEE-2025-07-01',
    ]);
    expect(book.priceTables.every((t) => t.sample)).toBe(true);
  });

  it('chooses the fee rules by declaration date', () => {
    const book = bundledRuleBook();
    expect(registrationFeeRulesOn(book, '2021-06-30')).toMatchObject({
      id: 'REGISTRATION-FEE-2017-01-01',
      capVnd: 500_000_000n,
    });
    expect(registrationFeeRulesOn(book, '2022-03-01')).toMatchObject({
      id: 'REGISTRATION-FEE-2022-03-01',
      capVnd: null,
    });
    expect(registrationFeeRulesOn(book, '2026-01-01').id).toBe('REGISTRATION-FEE-2025-07-01');
    expect(() => registrationFeeRulesOn(book, '2016-12-31')).toThrow('TAX_RULES.NO_RULE_IN_FORCE');
    expect(() => pitRulesOn(book, '2014-12-31')).toThrow('TAX_RULES.NO_RULE_IN_FORCE');
  });

  it('takes a new decree as a new data file, without code changes', () => {
    const newPit = { ...clone(pit2015), id: 'PIT-2027-01-01', effectiveFrom: '2027-01-01' };
    newPit.transfer.rateBasisPoints = 150;
    const book = createRuleBook({
      rules: [...BUNDLED_RULE_FILES, newPit],
      priceTables: BUNDLED_PRICE_TABLE_FILES,
    });
    const before = assessTransfer(aSale({ contractDate: '2026-12-31' }), { rules: book }).lines[0];
    const after = assessTransfer(
      aSale({ contractDate: '2027-01-04', declarationDate: '2027-01-05' }),
      { rules: book },
    ).lines[0];
    expect([before.ruleSetId, before.amountVnd]).toEqual(['PIT-2015-01-01', 80_000_000n]);
    expect([after.ruleSetId, after.amountVnd]).toEqual(['PIT-2027-01-01', 60_000_000n]);
  });

  it('caps the fee per asset when the rules in force have a cap (Decree 140/2016)', () => {
    // A price table valid in 2021 so that a 2021 declaration can be assessed.
    const table2021 = {
      ...clone(hoanKiem),
      id: 'HN-2021',
      effectiveFrom: '2021-01-01',
      effectiveTo: '2021-12-31',
    };
    const book = createRuleBook({
      rules: BUNDLED_RULE_FILES,
      priceTables: [...BUNDLED_PRICE_TABLE_FILES, table2021],
    });
    // 1,000.0 m² on Phố Hàng Bạc at 187,000,000 VND/m²: 0.5 % = 935,000,000.
    const parcel = {
      areaTenthsM2: 10_000,
      purpose: 'ODT' as const,
      location: { provinceCode: '01', communeCode: '00070', zoneCode: 'HANG-BAC', position: 1 },
    };
    const fee = (declarationDate: string) =>
      assessTransfer(
        aSale({ parcel, contractPriceVnd: null, contractDate: declarationDate, declarationDate }),
        { rules: book },
      ).lines.find((l) => l.code === 'REGISTRATION_FEE');
    expect(fee('2021-06-30')).toMatchObject({
      amountVnd: 500_000_000n,
      ruleSetId: 'REGISTRATION-FEE-2017-01-01',
    });
    expect(fee('2026-03-02')).toMatchObject({
      amountVnd: 935_000_000n,
      ruleSetId: 'REGISTRATION-FEE-2025-07-01',
    });
  });

  it('rejects malformed rule files with a code naming the field', () => {
    const noTie = clone(fee2017) as Record<string, unknown>;
    noTie.base = { kind: 'HIGHER_OF_CONTRACT_AND_TABLE', priceTableDate: 'DECLARATION_DATE' };
    expect(() => createRuleBook({ rules: [noTie], priceTables: [] })).toThrow(
      /TAX_RULES.INVALID_RULE_FILE.*onTie/,
    );
    const badSplit = clone(fee2017);
    badSplit.payment.installments[0].shareBasisPoints = 9000;
    expect(() => createRuleBook({ rules: [badSplit], priceTables: [] })).toThrow(/installments/);
    expect(() => createRuleBook({ rules: [fee2017, clone(fee2017)], priceTables: [] })).toThrow(
      'TAX_RULES.INVALID_RULE_FILE',
    );
    expect(() =>
      createRuleBook({ rules: [{ ...clone(pit2015), series: 'VAT' }], priceTables: [] }),
    ).toThrow(/series/);
  });

  it('keeps a doubt list in every file whose law is not fully confirmed', () => {
    const book = bundledRuleBook();
    expect(
      book.registrationFee
        .find((r) => r.id === 'REGISTRATION-FEE-2025-07-01')
        ?.unconfirmed.join(' '),
    ).toMatch(/cap/i);
    expect(
      book.landUseLevy.find((r) => r.id === 'LAND-USE-LEVY-2026-01-01')?.unconfirmed.length,
    ).toBeGreaterThan(0);
  });
});
