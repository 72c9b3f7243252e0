import type { EncumbranceV1, MortgageV1 } from '@lien-thong/contracts';
import { withLandOfficeMortgage } from './land-office-encumbrance';

const asOf = '2026-11-20T03:00:00.000Z';
const mortgage: MortgageV1 = {
  mortgagee: 'Ngân hàng TMCP Công Thương Việt Nam – Chi nhánh Hoàn Kiếm',
  registrationNumber: 'TC-00004-2026-000017',
  registeredOn: '2026-11-19',
};

describe('a parcel check with the land office’s own mortgages', () => {
  it('answers MORTGAGED with the mortgage when the registry found the parcel clear', () => {
    expect(withLandOfficeMortgage({ status: 'CLEAR', asOf }, mortgage)).toEqual({
      status: 'MORTGAGED',
      mortgage,
      asOf,
    });
  });

  it('leaves a clear answer clear when no mortgage is in force', () => {
    expect(withLandOfficeMortgage({ status: 'CLEAR', asOf }, null)).toEqual({
      status: 'CLEAR',
      asOf,
    });
  });

  it('keeps a hold, a dispute or the registry’s own mortgage as the registry gave it', () => {
    const answers: EncumbranceV1[] = [
      {
        status: 'BLOCKED',
        hold: { authority: 'Tòa án', documentNumber: '58/2025/QĐ-BPKCTT', issuedOn: '2025-01-02' },
        asOf,
      },
      { status: 'DISPUTED', asOf },
      {
        status: 'MORTGAGED',
        mortgage: { ...mortgage, registrationNumber: 'DKTC-HN-2023-004711' },
        asOf,
      },
    ];
    for (const answer of answers) expect(withLandOfficeMortgage(answer, mortgage)).toBe(answer);
  });
});
