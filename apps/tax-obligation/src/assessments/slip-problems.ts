import type { HeirV1, SlipProblemV1, TransferSlipSentV1 } from '@lien-thong/contracts';
import { purposeOf } from './slip-to-transfer';

/** Why a slip goes back to the land office: stable codes for programs, Vietnamese for officers. */
export const SlipProblemCode = {
  NAME_MISSING: 'SLIP.NAME_MISSING',
  DUPLICATE_SELLER: 'SLIP.DUPLICATE_SELLER',
  SHARES_DO_NOT_ADD_UP: 'SLIP.SHARES_DO_NOT_ADD_UP',
  PURPOSE_NOT_SUPPORTED: 'SLIP.PURPOSE_NOT_SUPPORTED',
  NO_PRICE_TABLE: 'SLIP.NO_PRICE_TABLE',
  NO_HOUSE_PRICE_TABLE: 'SLIP.NO_HOUSE_PRICE_TABLE',
  DUPLICATE_HEIR: 'SLIP.DUPLICATE_HEIR',
  AREA_EXCEEDS_PARCEL: 'SLIP.AREA_EXCEEDS_PARCEL',
  COMMUNE_NOT_IN_PRICE_TABLE: 'SLIP.COMMUNE_NOT_IN_PRICE_TABLE',
  PRICE_ZONE_NOT_FOUND: 'SLIP.PRICE_ZONE_NOT_FOUND',
  PRICE_POSITION_NOT_FOUND: 'SLIP.PRICE_POSITION_NOT_FOUND',
  NO_PRICE_FOR_PURPOSE: 'SLIP.NO_PRICE_FOR_PURPOSE',
  NO_RULE_IN_FORCE: 'SLIP.NO_RULE_IN_FORCE',
  NOT_ASSESSABLE: 'SLIP.NOT_ASSESSABLE',
  REFUSED_BY_TAX_OFFICE: 'SLIP.REFUSED_BY_TAX_OFFICE',
  ALREADY_ASSESSED: 'SLIP.ALREADY_ASSESSED',
} as const;

export const problem = (field: string, code: string, messageVi: string): SlipProblemV1 => ({
  field,
  code,
  messageVi,
});

/**
 * What can be seen wrong in the slip itself before any rule runs, all at once, so that the
 * land office corrects everything in one round: blank names (the tax office refuses a
 * filing without the taxpayer's name), a seller listed twice, shares that are not the whole
 * parcel, a land-use purpose the rules do not know.
 */
export function slipProblems(slip: TransferSlipSentV1): SlipProblemV1[] {
  const problems: SlipProblemV1[] = [];
  problems.push(
    ...missingNames(slip.sellers, 'sellers', 'bên chuyển nhượng'),
    ...missingNames(slip.buyers, 'buyers', 'bên nhận chuyển nhượng'),
  );
  const seen = new Set<string>();
  slip.sellers.forEach((seller, i) => {
    if (seen.has(seller.citizenId)) {
      problems.push(
        problem(
          `sellers[${i}].citizenId`,
          SlipProblemCode.DUPLICATE_SELLER,
          `Số định danh ${seller.citizenId} được kê khai cho hơn một bên chuyển nhượng`,
        ),
      );
    }
    seen.add(seller.citizenId);
  });
  // Less than the whole is a co-owner selling only their share; more is impossible.
  const shares = shareTotal(slip.sellers);
  if (shares.num > shares.den) {
    problems.push(
      problem(
        'sellers',
        SlipProblemCode.SHARES_DO_NOT_ADD_UP,
        `Tổng tỷ lệ sở hữu của các bên chuyển nhượng là ${shares.num}/${shares.den}, lớn hơn toàn bộ (1/1) quyền sử dụng đất`,
      ),
    );
  }
  if (slip.transferKind === 'INHERITANCE' && slip.heirs) problems.push(...heirProblems(slip.heirs));
  if (!purposeOf(slip)) {
    problems.push(
      problem(
        'parcel.purposeCode',
        SlipProblemCode.PURPOSE_NOT_SUPPORTED,
        `Mục đích sử dụng đất "${slip.parcel.purposeCode}" không có trong bảng giá đất để xác định nghĩa vụ tài chính`,
      ),
    );
  }
  return problems;
}

/** Blank names in a list of people: the tax office refuses a filing without the name. */
export function missingNames(
  people: readonly { fullName: string }[],
  field: string,
  roleVi: string,
): SlipProblemV1[] {
  return people.flatMap((p, i) =>
    p.fullName.trim() === ''
      ? [problem(`${field}[${i}].fullName`, SlipProblemCode.NAME_MISSING, `Thiếu họ tên ${roleVi}`)]
      : [],
  );
}

/**
 * The heirs of an inheritance: each named once, and their shares the whole estate (the
 * inheritance agreement or court decision divides all of it; PIT is owed on each share).
 */
function heirProblems(heirs: readonly HeirV1[]): SlipProblemV1[] {
  const problems = missingNames(heirs, 'heirs', 'người nhận thừa kế');
  heirs.forEach((heir, i) => {
    if (heirs.findIndex((h) => h.citizenId === heir.citizenId) < i)
      problems.push(
        problem(
          `heirs[${i}].citizenId`,
          SlipProblemCode.DUPLICATE_HEIR,
          `Số định danh ${heir.citizenId} được kê khai cho hơn một người nhận thừa kế`,
        ),
      );
  });
  const shares = shareTotal(heirs);
  if (shares.num !== shares.den) {
    problems.push(
      problem(
        'heirs',
        SlipProblemCode.SHARES_DO_NOT_ADD_UP,
        `Tổng phần được hưởng của những người nhận thừa kế là ${shares.num}/${shares.den}, không bằng toàn bộ (1/1) di sản`,
      ),
    );
  }
  return problems;
}

/** The sum of shares as an exact fraction (denominators multiplied). */
function shareTotal(parts: readonly { shareNumerator: number; shareDenominator: number }[]): {
  num: bigint;
  den: bigint;
} {
  return parts.reduce(
    (sum, s) => {
      const n = BigInt(s.shareNumerator);
      const d = BigInt(s.shareDenominator);
      return { num: sum.num * d + n * sum.den, den: sum.den * d };
    },
    { num: 0n, den: 1n },
  );
}
