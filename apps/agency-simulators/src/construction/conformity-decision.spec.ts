import { ConformityWork } from '@lien-thong/agency-contracts';
import { decideConformity } from './conformity-decision';

const work = (extra: Partial<ConformityWork>): ConformityWork => ({
  kind: 'HOUSE',
  grade: 'III',
  floorAreaTenthsM2: 1200,
  floors: 3,
  builtYear: 2020,
  ...extra,
});
const permit = (number: string) => ({
  number,
  issuedOn: '2019-05-10',
  authority: 'UBND quận Ba Đình',
});

describe('the simulated construction department decides predictably', () => {
  it('confirms a work built under its permit, or exempt from one', () => {
    expect(decideConformity(work({ permit: permit('123/GPXD') }))).toEqual({
      outcome: 'CONFIRMED',
      reasons: [],
    });
    expect(
      decideConformity(work({ permitExemptionVi: 'Nhà ở riêng lẻ ở nông thôn' })).outcome,
    ).toBe('CONFIRMED');
  });

  it('does not confirm a work without permit or exemption, nor one whose permit number says SAI', () => {
    expect(decideConformity(work({})).reasons.map((r) => r.code)).toEqual([
      'CONSTRUCTION.NO_PERMIT',
    ]);
    expect(decideConformity(work({ permitExemptionVi: '  ' })).outcome).toBe('NOT_CONFIRMED');
    const wrong = decideConformity(work({ permit: permit('45-SAI/GPXD') }));
    expect(wrong).toMatchObject({ outcome: 'NOT_CONFIRMED' });
    expect(wrong.reasons[0]).toMatchObject({ code: 'CONSTRUCTION.NOT_CONFORMING' });
    expect(wrong.reasons[0].messageVi).toMatch(/không đúng với giấy phép/);
  });
});
