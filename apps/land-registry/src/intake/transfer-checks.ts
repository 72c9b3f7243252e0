import type { TransferFieldError } from '../dossiers/dossiers.exceptions';

interface Parties {
  sellers: { citizenId: string }[];
  buyers: { citizenId: string }[];
}

/** Each person once, and nobody on both sides of the sale. */
export function partyProblems({ sellers, buyers }: Parties): TransferFieldError[] {
  const problems: TransferFieldError[] = [];
  const seen = new Set<string>();
  const sellerIds = new Set(sellers.map((s) => s.citizenId));
  for (const [side, people] of [
    ['sellers', sellers],
    ['buyers', buyers],
  ] as const) {
    people.forEach((person, i) => {
      const field = `${side}.${i}.citizenId`;
      if (side === 'buyers' && sellerIds.has(person.citizenId)) {
        problems.push({
          field,
          code: 'PARTY.BUYER_IS_SELLER',
          message: 'Bên nhận chuyển nhượng không thể đồng thời là bên chuyển nhượng',
        });
      } else if (seen.has(person.citizenId)) {
        problems.push({
          field,
          code: 'PARTY.DUPLICATE',
          message: 'Một người chỉ được kê khai một lần trong hồ sơ',
        });
      }
      seen.add(person.citizenId);
    });
  }
  return problems;
}

/** A contract dated before the certificate it sells was issued cannot be right. */
export function contractDateProblems(
  contractDate: string,
  certificateIssuedOn: string,
): TransferFieldError[] {
  return contractDate < certificateIssuedOn
    ? [
        {
          field: 'contractDate',
          code: 'CONTRACT.BEFORE_CERTIFICATE',
          message: `Ngày ký hợp đồng không được trước ngày cấp giấy chứng nhận (${certificateIssuedOn})`,
        },
      ]
    : [];
}
