import { communeByCode, LocalDate } from '@lien-thong/calendar';
import type { SlipParcelV1, SlipProblemV1 } from '@lien-thong/contracts';
import {
  housePriceTableFor,
  LandPriceTable,
  LandUsePurpose,
  priceTableFor,
  RuleBook,
  TaxRulesErrorCode,
  TaxRulesException,
} from '@lien-thong/tax-rules';
import { problem, SlipProblemCode } from './slip-problems';

/** What a slip asks of the rules, so that a failure can be traced to the field behind it. */
export interface RulesAsked {
  parcel: SlipParcelV1;
  /** Each purpose priced, with the slip field that gives it. */
  purposes: { purpose: LandUsePurpose; field: string }[];
  /** The dates whose land price tables apply. */
  priceDates: LocalDate[];
  /** The rule series consulted: the date's field, the date, what it decides, and the look-up. */
  rules: { field: string; on: LocalDate; what: string; lookUp: (book: RuleBook) => unknown }[];
  /** The date a house price table applies, for a slip that values a house. */
  houseOn?: LocalDate;
}

/**
 * The fields behind a rules failure: which date has no rule or price table, which of
 * commune, zone, position or purpose the table lacks. A failure that points at no field
 * (an inconsistency the library found) is still returned, never dropped.
 */
export function problemsBehind(
  error: TaxRulesException,
  asked: RulesAsked,
  book: RuleBook,
): SlipProblemV1[] {
  const found = ((): SlipProblemV1[] => {
    switch (error.code) {
      case TaxRulesErrorCode.NO_PRICE_TABLE:
      case TaxRulesErrorCode.PRICE_NOT_FOUND:
        return [...new Set(asked.priceDates)].flatMap((on) =>
          asked.purposes.flatMap(({ purpose, field }) =>
            locationProblems(asked.parcel, purpose, field, on, book),
          ),
        );
      case TaxRulesErrorCode.NO_HOUSE_PRICE_TABLE:
        return houseProblems(asked, book);
      case TaxRulesErrorCode.NO_RULE_IN_FORCE:
        return ruleProblems(asked, book);
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

function locationProblems(
  parcel: SlipParcelV1,
  purpose: LandUsePurpose,
  purposeField: string,
  on: LocalDate,
  book: RuleBook,
): SlipProblemV1[] {
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
        purposeField,
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

function houseProblems(asked: RulesAsked, book: RuleBook): SlipProblemV1[] {
  const on = asked.houseOn;
  if (on === undefined) return [];
  try {
    housePriceTableFor(book.housePriceTables, asked.parcel.provinceCode, on);
    return [];
  } catch {
    return [
      problem(
        'parcel.provinceCode',
        SlipProblemCode.NO_HOUSE_PRICE_TABLE,
        `Không có bảng giá xây dựng mới nhà ở của tỉnh, thành phố mã ${asked.parcel.provinceCode} áp dụng ngày ${on}`,
      ),
    ];
  }
}

function ruleProblems(asked: RulesAsked, book: RuleBook): SlipProblemV1[] {
  return asked.rules.flatMap(({ field, on, what, lookUp }) => {
    try {
      lookUp(book);
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
