import { aSale, aTransferor } from './__fixtures__/transfer.factory';
import { assessTransfer } from './assess';
import { SoleResidenceFacts, TransferInput } from './model';

const soleHome = (overrides: Partial<SoleResidenceFacts> = {}): SoleResidenceFacts => ({
  ownsOtherResidentialProperty: false,
  certificateIssuedOn: '2025-09-01',
  transfersWhole: true,
  ...overrides,
});
const lines = (overrides: Partial<TransferInput>) => assessTransfer(aSale(overrides)).lines;
const byCode = (overrides: Partial<TransferInput>, code: string) =>
  lines(overrides).filter((l) => l.code === code);

describe('sole-residence exemption (held at least 183 days)', () => {
  it('exempts on day 183 and not on day 182', () => {
    const transferors = [aTransferor({ soleResidence: soleHome() })];
    const day183 = byCode({ transferors, contractDate: '2026-03-03' }, 'PIT')[0];
    expect(day183).toMatchObject({ amountVnd: 0n, exemption: { code: 'PIT_SOLE_RESIDENCE' } });
    expect(day183.inputs.find((i) => i.key === 'holdingDays')?.value).toMatch(/^183 ngày/);
    const day182 = byCode({ transferors, contractDate: '2026-03-02' }, 'PIT')[0];
    expect(day182).toMatchObject({ amountVnd: 80_000_000n, exemption: null });
  });

  it('does not exempt someone owning another home, a partial transfer, or non-residential land', () => {
    const at = { contractDate: '2026-06-01' };
    expect(
      byCode(
        {
          ...at,
          transferors: [
            aTransferor({ soleResidence: soleHome({ ownsOtherResidentialProperty: true }) }),
          ],
        },
        'PIT',
      )[0].exemption,
    ).toBeNull();
    expect(
      byCode(
        {
          ...at,
          transferors: [aTransferor({ soleResidence: soleHome({ transfersWhole: false }) })],
        },
        'PIT',
      )[0].exemption,
    ).toBeNull();
    const commercial = { ...aSale().parcel, purpose: 'TMD' as const };
    expect(
      byCode(
        { ...at, parcel: commercial, transferors: [aTransferor({ soleResidence: soleHome() })] },
        'PIT',
      )[0].exemption,
    ).toBeNull();
  });

  it('is judged per co-owner', () => {
    const transferors = [
      aTransferor({ id: 'wife', soleResidence: soleHome() }),
      aTransferor({
        id: 'husband',
        soleResidence: soleHome({ ownsOtherResidentialProperty: true }),
      }),
    ];
    const [wife, husband] = byCode({ transferors, contractDate: '2026-06-01' }, 'PIT');
    expect(wife).toMatchObject({ amountVnd: 0n, exemption: { code: 'PIT_SOLE_RESIDENCE' } });
    expect(husband).toMatchObject({ amountVnd: 40_000_000n, exemption: null });
  });

  it('does not relieve the registration fee', () => {
    expect(
      byCode(
        { transferors: [aTransferor({ soleResidence: soleHome() })], contractDate: '2026-06-01' },
        'REGISTRATION_FEE',
      )[0].amountVnd,
    ).toBe(20_000_000n);
  });
});

describe('relatives: a sale versus a gift between siblings', () => {
  const siblings = [aTransferor({ relationshipToRecipient: 'SIBLING' })];

  it('a sale between siblings: no income tax, but the fee is due', () => {
    const result = assessTransfer(aSale({ kind: 'SALE', transferors: siblings }));
    expect(result.lines.map((l) => [l.code, l.amountVnd, l.exemption?.code ?? null])).toEqual([
      ['PIT', 0n, 'PIT_RELATIVES'],
      ['REGISTRATION_FEE', 20_000_000n, null],
    ]);
    expect(result.totalVnd).toBe(20_000_000n);
  });

  it('a gift between siblings: no income tax and no fee', () => {
    const result = assessTransfer(
      aSale({ kind: 'GIFT', transferors: siblings, contractPriceVnd: null }),
    );
    expect(result.lines.map((l) => [l.code, l.amountVnd, l.exemption?.code ?? null])).toEqual([
      ['PIT', 0n, 'PIT_RELATIVES'],
      ['REGISTRATION_FEE', 0n, 'FEE_RELATIVES_GIFT_INHERITANCE'],
    ]);
    expect(result.totalVnd).toBe(0n);
  });

  it.each([
    'SPOUSE',
    'PARENT_CHILD',
    'ADOPTIVE_PARENT_CHILD',
    'PARENT_IN_LAW_CHILD_IN_LAW',
    'GRANDPARENT_GRANDCHILD',
  ] as const)('an inheritance between %s is exempt from both', (relationshipToRecipient) => {
    const result = assessTransfer(
      aSale({ kind: 'INHERITANCE', transferors: [aTransferor({ relationshipToRecipient })] }),
    );
    expect(result.totalVnd).toBe(0n);
    expect(result.lines.every((l) => l.exemption !== null)).toBe(true);
  });
});

describe('gifts and inheritances outside the family', () => {
  it('taxes the recipient at 10 % of the table value above 10,000,000, ignoring any price', () => {
    const { lines } = assessTransfer(aSale({ kind: 'GIFT', contractPriceVnd: 9_000_000_000n }));
    const [tax] = lines.filter((l) => l.code === 'PIT');
    expect(tax).toMatchObject({
      labelVi: 'Thuế thu nhập cá nhân (nhận thừa kế, quà tặng)',
      taxpayer: { id: 'buyer-1', role: 'RECIPIENT' },
      baseVnd: 3_990_000_000n,
      rate: { basisPoints: 1000 },
      amountVnd: 399_000_000n,
    });
    expect(lines.find((l) => l.code === 'REGISTRATION_FEE')).toMatchObject({
      baseSource: 'PRICE_TABLE',
      amountVnd: 20_000_000n,
    });
  });

  it('splits a gift from co-owners with different ties into exempt and payable fee lines', () => {
    const transferors = [
      aTransferor({ id: 'mother', nameVi: 'Mẹ', relationshipToRecipient: 'PARENT_CHILD' }),
      aTransferor({ id: 'friend', nameVi: 'Bạn' }),
    ];
    const fees = assessTransfer(aSale({ kind: 'GIFT', transferors })).lines.filter(
      (l) => l.code === 'REGISTRATION_FEE',
    );
    expect(fees.map((l) => [l.labelVi, l.amountVnd])).toEqual([
      ['Lệ phí trước bạ (phần nhận từ Mẹ)', 0n],
      ['Lệ phí trước bạ (phần nhận từ Bạn)', 10_000_000n],
    ]);
  });
});

describe('division on divorce', () => {
  it('is exempt from income tax; the fee is due on the table value', () => {
    const { lines } = assessTransfer(
      aSale({
        kind: 'DIVORCE_DIVISION',
        transferors: [aTransferor({ relationshipToRecipient: 'SPOUSE' })],
      }),
    );
    expect(lines.map((l) => [l.code, l.amountVnd, l.exemption?.code ?? null])).toEqual([
      ['PIT', 0n, 'PIT_DIVORCE_DIVISION'],
      ['REGISTRATION_FEE', 20_000_000n, null],
    ]);
  });
});
