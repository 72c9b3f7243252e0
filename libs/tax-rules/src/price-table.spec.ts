import { communeByCode } from '@lien-thong/calendar';
import haNoi2026 from './data/price-tables/ha-noi-2026.json';
import { lookupUnitPrice, parsePriceTable, priceTableFor } from './price-table';
import { bundledRuleBook } from './rule-book';

const tables = bundledRuleBook().priceTables;

describe('land price tables (sample data, 2025 map)', () => {
  it('has tables for two provinces: Hà Nội (01) and An Giang (91)', () => {
    expect(new Set(tables.map((t) => t.provinceCode))).toEqual(new Set(['01', '91']));
  });

  it('chooses the table valid on a date, and none outside any validity period', () => {
    expect(priceTableFor(tables, '01', '2025-12-31').id).toBe('HN-2025');
    expect(priceTableFor(tables, '01', '2026-01-01').id).toBe('HN-2026');
    expect(() => priceTableFor(tables, '91', '2025-12-31')).toThrow('TAX_RULES.NO_PRICE_TABLE');
    expect(() => priceTableFor(tables, '79', '2026-01-01')).toThrow('TAX_RULES.NO_PRICE_TABLE');
  });

  it('finds the unit price and the adjustment factor of a position', () => {
    const phuQuoc = lookupUnitPrice(
      priceTableFor(tables, '91', '2026-03-01'),
      { provinceCode: '91', communeCode: '31570', zoneCode: 'DUONG-30-4', position: 1 },
      'ODT',
    );
    expect(phuQuoc).toMatchObject({ unitPriceVnd: 25_000_000n, adjustmentFactorText: '1.2' });
    expect(() =>
      lookupUnitPrice(
        priceTableFor(tables, '91', '2026-03-01'),
        { provinceCode: '91', communeCode: '31570', zoneCode: 'DUONG-30-4', position: 9 },
        'ODT',
      ),
    ).toThrow('TAX_RULES.PRICE_NOT_FOUND');
  });

  it('lists only communes known to the admin-unit list, with the remote flag the land registry reads', () => {
    for (const table of tables) {
      for (const commune of table.communes)
        expect(communeByCode(commune.communeCode)?.provinceCode).toBe(table.provinceCode);
    }
    const remote = tables
      .flatMap((t) => t.communes)
      .filter((c) => communeByCode(c.communeCode)?.remote);
    expect(remote.length).toBeGreaterThan(0);
  });

  it('rejects a table naming a commune of another province, or a malformed factor', () => {
    const wrong = JSON.parse(JSON.stringify(haNoi2026)) as {
      communes: { communeCode: string }[];
      adjustmentFactor: string;
    };
    wrong.communes[0].communeCode = '30280';
    expect(() => parsePriceTable(wrong)).toThrow('TAX_RULES.INVALID_RULE_FILE');
    const badFactor = JSON.parse(JSON.stringify(haNoi2026)) as { adjustmentFactor: string };
    badFactor.adjustmentFactor = '1,2';
    expect(() => parsePriceTable(badFactor)).toThrow('TAX_RULES.INVALID_RULE_FILE');
  });
});
