import { aBuyer, aSeller, aSlip } from '../test-support/slip.factory';
import { slipDate, toTransferInput } from './slip-to-transfer';

describe('a transfer slip as the rules library reads it', () => {
  it('maps parties, parcel location, price and dates of the worked example', () => {
    const input = toTransferInput(aSlip('HS-1'), 'ODT', '2026-03-09');
    expect(input).toEqual({
      kind: 'SALE',
      transferors: [
        {
          id: '001080001234',
          nameVi: 'Nguyễn Văn An',
          share: { numerator: 1, denominator: 1 },
          relationshipToRecipient: 'NONE',
        },
      ],
      recipient: { id: '001190005678', nameVi: 'Trần Thị Bình' },
      parcel: {
        areaTenthsM2: 1000,
        purpose: 'ODT',
        location: { provinceCode: '01', communeCode: '00004', zoneCode: 'DOI-CAN', position: 3 },
      },
      contractPriceVnd: 3_000_000_000n,
      contractDate: '2026-03-02',
      declarationDate: '2026-03-05',
      noticeIssuedOn: '2026-03-09',
    });
  });

  it('lets the price table decide when no price, or a price of 0, is declared', () => {
    expect(
      toTransferInput(aSlip('HS-1', { declaredPriceVnd: 0 }), 'ODT', '2026-03-09'),
    ).toMatchObject({
      contractPriceVnd: null,
    });
    expect(
      toTransferInput(aSlip('HS-1', { declaredPriceVnd: undefined }), 'ODT', '2026-03-09'),
    ).toMatchObject({ contractPriceVnd: null });
  });

  it('taxes co-owners on their own shares, with their own sole-residence facts when stated', () => {
    const slip = aSlip('HS-1', {
      sellers: [
        aSeller({ shareNumerator: 1, shareDenominator: 2, ownsOtherResidentialProperty: false }),
        aSeller({
          citizenId: '001085009999',
          fullName: 'Lê Thị Cúc',
          shareNumerator: 1,
          shareDenominator: 2,
        }),
      ],
    });
    const [first, second] = toTransferInput(slip, 'ODT', '2026-03-09').transferors;
    expect(first).toMatchObject({
      share: { numerator: 1, denominator: 2 },
      soleResidence: {
        ownsOtherResidentialProperty: false,
        certificateIssuedOn: '2015-06-01',
        transfersWhole: true,
      },
    });
    expect(second.soleResidence).toBeUndefined();
  });

  it('names every buyer as the recipient, under the first buyer’s tax code', () => {
    const slip = aSlip('HS-1', {
      buyers: [aBuyer(), aBuyer({ fullName: 'Phạm Văn Dũng', citizenId: '001088004321' })],
    });
    expect(toTransferInput(slip, 'ODT', '2026-03-09').recipient).toEqual({
      id: '001190005678',
      nameVi: 'Trần Thị Bình, Phạm Văn Dũng',
    });
  });

  it('reads a timestamp as the calendar day in Vietnam', () => {
    expect(slipDate('2026-03-01T18:30:00Z')).toBe('2026-03-02');
    expect(slipDate('2026-03-02')).toBe('2026-03-02');
  });
});
