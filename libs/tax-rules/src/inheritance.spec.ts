import { BA_DINH_DOI_CAN_VT3 } from './__fixtures__/transfer.factory';
import { Heir } from './heirs';
import { assessInheritance, InheritanceInput } from './inheritance';

/** Ba Đình, Đội Cấn VT3: 100.0 m² ODT at 40,000,000 VND/m², table value 4,000,000,000. */
function anInheritance(heirs: Heir[], overrides: Partial<InheritanceInput> = {}): InheritanceInput {
  return {
    deceased: [{ id: 'deceased-1', nameVi: 'Nguyễn Văn Tâm' }],
    heirs,
    parcel: { areaTenthsM2: 1000, purpose: 'ODT', location: BA_DINH_DOI_CAN_VT3 },
    contractDate: '2026-03-02',
    declarationDate: '2026-03-05',
    noticeIssuedOn: '2026-03-09',
    ...overrides,
  };
}

const child: Heir = {
  id: 'heir-child',
  nameVi: 'Nguyễn Thị Hoa',
  share: { numerator: 1, denominator: 2 },
  relationshipToDeceased: 'PARENT_CHILD',
};
const friend: Heir = {
  id: 'heir-friend',
  nameVi: 'Lê Văn Khoa',
  share: { numerator: 1, denominator: 2 },
  relationshipToDeceased: 'NONE',
};

const summary = (input: InheritanceInput) =>
  assessInheritance(input).lines.map((l) => [l.code, l.taxpayer.id, l.baseVnd, l.amountVnd]);

describe('assessInheritance: income tax and registration fee per heir', () => {
  it('charges nothing to a child who inherits: income tax and fee are both exempt', () => {
    const { lines, totalVnd } = assessInheritance(
      anInheritance([{ ...child, share: { numerator: 1, denominator: 1 } }]),
    );
    expect(totalVnd).toBe(0n);
    expect(lines.map((l) => [l.code, l.amountVnd, l.exemption?.code])).toEqual([
      ['PIT', 0n, 'PIT_RELATIVES'],
      ['REGISTRATION_FEE', 0n, 'FEE_RELATIVES_GIFT_INHERITANCE'],
    ]);
    expect(lines[0].exemption?.reasonVi).toContain('cha đẻ, mẹ đẻ với con đẻ');
    expect(lines.every((l) => l.dueDates.length === 0)).toBe(true);
  });

  it('charges an unrelated heir 10 % of their share above 10,000,000 and 0.5 % fee on it', () => {
    // Half of 4,000,000,000 = 2,000,000,000: PIT (2,000,000,000 − 10,000,000) × 10 %
    // = 199,000,000; fee 2,000,000,000 × 0.5 % = 10,000,000. The child pays nothing.
    const assessment = assessInheritance(anInheritance([child, friend]));
    expect(summary(anInheritance([child, friend]))).toEqual([
      ['PIT', 'heir-child', 1_990_000_000n, 0n],
      ['PIT', 'heir-friend', 1_990_000_000n, 199_000_000n],
      ['REGISTRATION_FEE', 'heir-child', 2_000_000_000n, 0n],
      ['REGISTRATION_FEE', 'heir-friend', 2_000_000_000n, 10_000_000n],
    ]);
    expect(assessment.totalVnd).toBe(209_000_000n);
    const pit = assessment.lines[1];
    expect(pit).toMatchObject({
      labelVi: 'Thuế thu nhập cá nhân (nhận thừa kế, quà tặng)',
      taxpayer: { id: 'heir-friend', nameVi: 'Lê Văn Khoa', role: 'RECIPIENT' },
      rate: { basisPoints: 1000 },
      exemption: null,
      dueDates: [{ installment: 1, amountVnd: 199_000_000n, dueOn: '2026-04-08' }],
    });
    expect(Object.fromEntries(pit.inputs.map((i) => [i.key, i.value]))).toMatchObject({
      deceased: 'Nguyễn Văn Tâm',
      share: '1/2',
      shareValueVnd: '2.000.000.000 đồng',
      thresholdVnd: '10.000.000 đồng',
    });
  });

  it('values only the estate’s part when a co-owner died: heirs share her half', () => {
    const half = anInheritance([{ ...friend, share: { numerator: 1, denominator: 1 } }], {
      estateShare: { numerator: 1, denominator: 2 },
    });
    expect(summary(half)).toEqual([
      ['PIT', 'heir-friend', 1_990_000_000n, 199_000_000n],
      ['REGISTRATION_FEE', 'heir-friend', 2_000_000_000n, 10_000_000n],
    ]);
  });

  it('taxes nothing on a share worth no more than 10,000,000', () => {
    // 0.2 m² of a 40,000,000 VND/m² parcel is worth 8,000,000: no income, fee 40,000.
    const tiny = anInheritance([{ ...friend, share: { numerator: 1, denominator: 1 } }], {
      parcel: { areaTenthsM2: 2, purpose: 'ODT', location: BA_DINH_DOI_CAN_VT3 },
    });
    expect(summary(tiny)).toEqual([
      ['PIT', 'heir-friend', 0n, 0n],
      ['REGISTRATION_FEE', 'heir-friend', 8_000_000n, 40_000n],
    ]);
  });

  it('refuses heirs whose shares do not add up to the whole estate', () => {
    const third = { ...friend, share: { numerator: 1, denominator: 3 } };
    expect(() => assessInheritance(anInheritance([child, third]))).toThrow(
      'TAX_RULES.INVALID_INPUT',
    );
  });
});
