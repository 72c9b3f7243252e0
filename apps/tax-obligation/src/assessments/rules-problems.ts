import { communeByCode, LocalDate } from '@lien-thong/calendar';
import type { SlipProblemV1, TransferSlipSentV1 } from '@lien-thong/contracts';
import {
  LandPriceTable,
  LandUsePurpose,
  pitRulesOn,
  priceTableFor,
  registrationFeeRulesOn,
  RuleBook,
  TaxRulesErrorCode,
  TaxRulesException,
} from '@lien-thong/tax-rules';
import { problem, SlipProblemCode } from './slip-problems';
import { slipDate } from './slip-to-transfer';

/**
 * The fields behind a rules failure: which date has no rule or price table, which of
 * commune, zone, position or purpose the table lacks. A failure that points at no field
 * (an inconsistency the library found) is still returned, never dropped.
 */
export function problemsBehind(
  error: TaxRulesException,
  slip: TransferSlipSentV1,
  purpose: LandUsePurpose,
  book: RuleBook,
): SlipProblemV1[] {
  const found = ((): SlipProblemV1[] => {
    switch (error.code) {
      case TaxRulesErrorCode.NO_PRICE_TABLE:
      case TaxRulesErrorCode.PRICE_NOT_FOUND:
        return distinctDates(slip).flatMap((on) => locationProblems(slip, purpose, on, book));
      case TaxRulesErrorCode.NO_RULE_IN_FORCE:
        return ruleProblems(slip, book);
      case TaxRulesErrorCode.INVALID_INPUT:
      case TaxRulesErrorCode.INVALID_RULE_FILE:
        return [];
    }
  })();
  const unique = found.filter(
    (p, i) => found.findIndex((q) => q.field === p.field && q.code === p.code) === i,
  );
  if (unique.length > 0) return unique;
  return [
    problem(
      'slip',
      SlipProblemCode.NOT_ASSESSABLE,
      `Thông tin trên phiếu chưa đủ để xác định nghĩa vụ tài chính (${error.message})`,
    ),
  ];
}

function distinctDates(slip: TransferSlipSentV1): LocalDate[] {
  return [...new Set([slipDate(slip.contractDate), slipDate(slip.declarationDate)])];
}

function locationProblems(
  slip: TransferSlipSentV1,
  purpose: LandUsePurpose,
  on: LocalDate,
  book: RuleBook,
): SlipProblemV1[] {
  const { parcel } = slip;
  const table = tableOn(book, parcel.provinceCode, on);
  if (!table) {
    return [
      problem(
        'parcel.provinceCode',
        SlipProblemCode.NO_PRICE_TABLE,
        `Không có bảng giá đất của tỉnh, thành phố mã ${parcel.provinceCode} áp dụng ngày ${on}`,
      ),
    ];
  }
  const communeCode = parcel.ref.communeCode;
  const communeName = communeByCode(communeCode)?.nameVi ?? `mã ${communeCode}`;
  const commune = table.communes.find((c) => c.communeCode === communeCode);
  if (!commune) {
    return [
      problem(
        'parcel.ref.communeCode',
        SlipProblemCode.COMMUNE_NOT_IN_PRICE_TABLE,
        `Xã, phường ${communeName} không có trong ${table.titleVi}`,
      ),
    ];
  }
  const zone = commune.zones.find((z) => z.code === parcel.priceZone);
  if (!zone) {
    return [
      problem(
        'parcel.priceZone',
        SlipProblemCode.PRICE_ZONE_NOT_FOUND,
        `Tuyến đường, khu vực "${parcel.priceZone}" không có trong bảng giá đất của ${communeName} (${table.titleVi})`,
      ),
    ];
  }
  const position = zone.positions.find((p) => p.position === parcel.pricePosition);
  if (!position) {
    return [
      problem(
        'parcel.pricePosition',
        SlipProblemCode.PRICE_POSITION_NOT_FOUND,
        `Vị trí ${parcel.pricePosition} không có trong bảng giá của ${zone.nameVi}`,
      ),
    ];
  }
  if (position.unitPricesVnd[purpose] === undefined) {
    return [
      problem(
        'parcel.purposeCode',
        SlipProblemCode.NO_PRICE_FOR_PURPOSE,
        `Bảng giá không có đơn giá đất ${purpose} tại ${zone.nameVi}, vị trí ${parcel.pricePosition}`,
      ),
    ];
  }
  return [];
}

function tableOn(book: RuleBook, provinceCode: string, on: LocalDate): LandPriceTable | undefined {
  try {
    return priceTableFor(book.priceTables, provinceCode, on);
  } catch {
    return undefined;
  }
}

function ruleProblems(slip: TransferSlipSentV1, book: RuleBook): SlipProblemV1[] {
  const checks = [
    { field: 'contractDate', on: slipDate(slip.contractDate), what: 'thuế thu nhập cá nhân' },
    { field: 'declarationDate', on: slipDate(slip.declarationDate), what: 'lệ phí trước bạ' },
  ] as const;
  return checks.flatMap(({ field, on, what }) => {
    try {
      if (field === 'contractDate') pitRulesOn(book, on);
      else registrationFeeRulesOn(book, on);
      return [];
    } catch {
      return [
        problem(
          field,
          SlipProblemCode.NO_RULE_IN_FORCE,
          `Chưa có quy định về ${what} áp dụng cho ngày ${on}`,
        ),
      ];
    }
  });
}
