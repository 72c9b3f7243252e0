import { aSale, aTransferor } from './__fixtures__/transfer.factory';
import { assessTransfer } from './assess';
import { ObligationLine, TransferInput } from './model';

const assess = (overrides: Partial<TransferInput> = {}) => assessTransfer(aSale(overrides));
const pit = (lines: ObligationLine[]) => lines.filter((l) => l.code === 'PIT');
const fee = (lines: ObligationLine[]) => lines.filter((l) => l.code === 'REGISTRATION_FEE');
const input = (line: ObligationLine, key: string) => line.inputs.find((i) => i.key === key)?.value;

describe('assessTransfer: the worked examples of domain.md', () => {
  it('taxes a contract price below the table on the table value: 80,000,000 and 20,000,000', () => {
    const { lines, totalVnd } = assess({ contractPriceVnd: 3_000_000_000n });
    expect(pit(lines)).toEqual([
      expect.objectContaining({
        labelVi: 'Thuế thu nhập cá nhân',
        baseVnd: 4_000_000_000n,
        baseSource: 'PRICE_TABLE',
        amountVnd: 80_000_000n,
        exemption: null,
      }),
    ]);
    expect(fee(lines)).toEqual([
      expect.objectContaining({
        labelVi: 'Lệ phí trước bạ',
        baseVnd: 4_000_000_000n,
        baseSource: 'PRICE_TABLE',
        amountVnd: 20_000_000n,
      }),
    ]);
    expect(totalVnd).toBe(100_000_000n);
  });

  it('taxes a contract price above the table on the contract price: 100,000,000 and 25,000,000', () => {
    const { lines, totalVnd } = assess({ contractPriceVnd: 5_000_000_000n });
    expect(pit(lines)[0]).toMatchObject({
      baseSource: 'CONTRACT_PRICE',
      amountVnd: 100_000_000n,
      rate: { basisPoints: 200, labelVi: '2%' },
    });
    expect(fee(lines)[0]).toMatchObject({
      baseSource: 'CONTRACT_PRICE',
      amountVnd: 25_000_000n,
      rate: { basisPoints: 50, labelVi: '0,5%' },
    });
    expect(totalVnd).toBe(125_000_000n);
  });

  it('explains each line with its inputs and legal basis', () => {
    const [line] = pit(assess().lines);
    expect(input(line, 'areaM2')).toBe('100,0 m²');
    expect(input(line, 'unitPriceVnd')).toBe('40.000.000 đồng/m²');
    expect(input(line, 'landTableValueVnd')).toBe('4.000.000.000 đồng');
    expect(input(line, 'contractPriceVnd')).toBe('3.000.000.000 đồng');
    expect(input(line, 'location')).toContain('Phường Ba Đình');
    expect(line.taxpayer).toEqual({ id: 'seller-1', nameVi: 'Nguyễn Văn An', role: 'TRANSFEROR' });
    expect(line.legalBasis.map((b) => b.document).join(' ')).toContain('Thuế thu nhập cá nhân');
    expect(line.ruleSetId).toBe('PIT-2015-01-01');
    expect(fee(assess().lines)[0].taxpayer).toMatchObject({ id: 'buyer-1', role: 'RECIPIENT' });
  });
});

describe('assessTransfer: the base', () => {
  it.each([undefined, null, 0n])('uses the table when the contract price is %p', (price) => {
    const [line] = pit(assess({ contractPriceVnd: price }).lines);
    expect(line).toMatchObject({ baseSource: 'PRICE_TABLE', amountVnd: 80_000_000n });
    expect(input(line, 'contractPriceVnd')).toBe('Không ghi giá');
  });

  it('at a price exactly equal to the table value, keeps the contract for the tax and the table for the fee', () => {
    const { lines } = assess({ contractPriceVnd: 4_000_000_000n });
    expect(pit(lines)[0]).toMatchObject({ baseSource: 'CONTRACT_PRICE', amountVnd: 80_000_000n });
    expect(fee(lines)[0]).toMatchObject({ baseSource: 'PRICE_TABLE', amountVnd: 20_000_000n });
  });

  it('adds a house at the registration-fee house price', () => {
    const { lines } = assess({
      house: { floorAreaTenthsM2: 1200, unitPriceVnd: 7_000_000n, remainingQualityPercent: 80 },
    });
    // 4,000,000,000 + 120.0 × 7,000,000 × 80 % = 4,672,000,000.
    expect(pit(lines)[0]).toMatchObject({ baseVnd: 4_672_000_000n, amountVnd: 93_440_000n });
    expect(fee(lines)[0].amountVnd).toBe(23_360_000n);
  });

  it('computes exactly with a tenth of a m² and a decimal adjustment factor', () => {
    const { lines } = assess({
      contractPriceVnd: null,
      parcel: {
        areaTenthsM2: 1005,
        purpose: 'ODT',
        location: { provinceCode: '01', communeCode: '00004', zoneCode: 'KIM-MA', position: 1 },
      },
    });
    // 100.5 m² × 125,000,000 × 1.15 = 14,446,875,000.
    expect(pit(lines)[0]).toMatchObject({ baseVnd: 14_446_875_000n, amountVnd: 288_937_500n });
    expect(fee(lines)[0].amountVnd).toBe(72_234_375n);
  });

  it('reads the price table in force at the contract date for the tax and at the declaration for the fee', () => {
    const { lines } = assess({ contractDate: '2025-12-20', declarationDate: '2026-01-05' });
    // 2025 sample table: 36,000,000 VND/m²; 2026: 40,000,000.
    expect(pit(lines)[0]).toMatchObject({ baseVnd: 3_600_000_000n, amountVnd: 72_000_000n });
    expect(input(pit(lines)[0], 'priceTable')).toContain('[HN-2025]');
    expect(fee(lines)[0]).toMatchObject({ baseVnd: 4_000_000_000n, amountVnd: 20_000_000n });
    expect(input(fee(lines)[0], 'priceTable')).toContain('[HN-2026]');
  });
});

describe('assessTransfer: co-owners', () => {
  it('splits equally when no share is given and taxes each co-owner separately', () => {
    const { lines } = assess({ transferors: [aTransferor({ id: 'a' }), aTransferor({ id: 'b' })] });
    expect(pit(lines).map((l) => [l.taxpayer.id, l.amountVnd])).toEqual([
      ['a', 40_000_000n],
      ['b', 40_000_000n],
    ]);
    expect(fee(lines)).toHaveLength(1);
  });

  it('taxes by share and rounds each line once, half up', () => {
    const { lines } = assess({
      transferors: [
        aTransferor({ id: 'a', share: { numerator: 1, denominator: 3 } }),
        aTransferor({ id: 'b', share: { numerator: 2, denominator: 3 } }),
      ],
    });
    expect(pit(lines).map((l) => l.amountVnd)).toEqual([26_666_667n, 53_333_333n]);
  });

  it('applies different exemptions to different co-owners', () => {
    const { lines } = assess({
      transferors: [
        aTransferor({ id: 'brother', relationshipToRecipient: 'SIBLING' }),
        aTransferor({ id: 'stranger' }),
      ],
    });
    const [brother, stranger] = pit(lines);
    expect(brother).toMatchObject({ amountVnd: 0n, exemption: { code: 'PIT_RELATIVES' } });
    expect(brother.exemption?.reasonVi).toContain('anh, chị, em ruột với nhau');
    expect(stranger).toMatchObject({ amountVnd: 40_000_000n, exemption: null });
    // A sale between siblings still pays the fee, on the whole asset.
    expect(fee(lines)).toEqual([
      expect.objectContaining({ amountVnd: 20_000_000n, exemption: null }),
    ]);
  });

  it('rejects shares that do not add up to one, or that are given for some co-owners only', () => {
    const half = { numerator: 1, denominator: 2 };
    expect(() =>
      assess({
        transferors: [
          aTransferor({ id: 'a', share: half }),
          aTransferor({ id: 'b', share: { numerator: 1, denominator: 3 } }),
        ],
      }),
    ).toThrow('TAX_RULES.INVALID_INPUT');
    expect(() =>
      assess({ transferors: [aTransferor({ id: 'a', share: half }), aTransferor({ id: 'b' })] }),
    ).toThrow('TAX_RULES.INVALID_INPUT');
  });
});

describe('assessTransfer: input checks', () => {
  it.each<[string, Partial<TransferInput>]>([
    ['a zero area', { parcel: { ...aSale().parcel, areaTenthsM2: 0 } }],
    ['a negative price', { contractPriceVnd: -1n }],
    ['a malformed date', { contractDate: '02/03/2026' }],
    ['duplicate transferors', { transferors: [aTransferor(), aTransferor()] }],
    ['no transferor', { transferors: [] }],
  ])('rejects %s', (_, overrides) => {
    expect(() => assess(overrides)).toThrow('TAX_RULES.INVALID_INPUT');
  });

  it('says which location has no price', () => {
    const parcel = { ...aSale().parcel, purpose: 'LUC' as const };
    expect(() => assess({ parcel })).toThrow('TAX_RULES.PRICE_NOT_FOUND');
    expect(() => assess({ contractDate: '2025-03-01' })).toThrow('TAX_RULES.NO_PRICE_TABLE');
  });
});
