import { communeByCode, LocalDate } from '@lien-thong/calendar';
import { invalidInput } from './errors';
import { PURPOSE_NAMES_VI } from './labels';
import { HouseInput, InputUsed, LandLocation, LandUsePurpose, TransferInput } from './model';
import { add, Fraction, formatAreaVi, formatVndVi, frac, mul, roundVnd } from './money';
import { LandPriceTable, lookupUnitPrice, priceTableFor, UnitPriceLookup } from './price-table';
import { DateBasis } from './rules';

/** A value from the price tables, exact, with the inputs that explain it. */
export interface Valuation {
  value: Fraction;
  table: LandPriceTable;
  inputs: InputUsed[];
}

/** Exact value of `areaTenthsM2` of land at a location and purpose: area × unit price × factor. */
export function landValue(price: UnitPriceLookup, areaTenthsM2: number): Fraction {
  return mul(frac(BigInt(areaTenthsM2), 10n), frac(price.unitPriceVnd), price.adjustmentFactor);
}

/**
 * Table value of a parcel (and its house) on `on`: land at area × unit price × adjustment
 * factor of the table in force that day; a house at floor area × new-build price × remaining
 * quality, the registration-fee house price (Decree 10/2022 art. 7).
 */
export function valueProperty(
  tables: readonly LandPriceTable[],
  parcel: { areaTenthsM2: number; purpose: LandUsePurpose; location: LandLocation },
  house: HouseInput | undefined,
  on: LocalDate,
): Valuation {
  const table = priceTableFor(tables, parcel.location.provinceCode, on);
  const price = lookupUnitPrice(table, parcel.location, parcel.purpose);
  const land = landValue(price, parcel.areaTenthsM2);
  const inputs: InputUsed[] = [
    ...describePrice(price),
    { key: 'areaM2', labelVi: 'Diện tích đất', value: formatAreaVi(parcel.areaTenthsM2) },
    {
      key: 'landTableValueVnd',
      labelVi: 'Giá trị đất theo bảng giá',
      value: formatVndVi(roundVnd(land, 'HALF_UP_TO_VND')),
    },
  ];
  if (!house) return { value: land, table, inputs };
  if (
    !Number.isSafeInteger(house.remainingQualityPercent) ||
    house.remainingQualityPercent < 0 ||
    house.remainingQualityPercent > 100
  ) {
    invalidInput('house.remainingQualityPercent must be an integer from 0 to 100');
  }
  const value = houseValue(house);
  const total = add(land, value);
  inputs.push(describeHouseValue(house, value), {
    key: 'tableValueVnd',
    labelVi: 'Giá trị nhà, đất theo bảng giá',
    value: formatVndVi(roundVnd(total, 'HALF_UP_TO_VND')),
  });
  return { value: total, table, inputs };
}

/** The registration-fee price of a house: floor area × new-build price × remaining quality. */
export function houseValue(house: HouseInput): Fraction {
  return mul(
    frac(BigInt(house.floorAreaTenthsM2), 10n),
    frac(house.unitPriceVnd),
    frac(BigInt(house.remainingQualityPercent), 100n),
  );
}

export function describeHouseValue(house: HouseInput, value: Fraction): InputUsed {
  return {
    key: 'houseValueVnd',
    labelVi: 'Giá trị nhà (diện tích sàn × đơn giá xây mới × tỷ lệ chất lượng còn lại)',
    value: `${formatAreaVi(house.floorAreaTenthsM2)} × ${formatVndVi(house.unitPriceVnd)}/m² × ${house.remainingQualityPercent}% = ${formatVndVi(roundVnd(value, 'HALF_UP_TO_VND'))}`,
  };
}

/**
 * Inputs that explain a unit price: which table, where, which purpose, how much, what factor.
 * `variant` distinguishes two prices on one line (old and new purpose of a levy).
 */
export function describePrice(
  price: UnitPriceLookup,
  variant?: { keyPrefix: string; labelSuffixVi: string },
): InputUsed[] {
  const communeName = communeByCode(price.commune.communeCode)?.nameVi ?? price.commune.communeCode;
  const key = (k: string): string =>
    variant ? `${variant.keyPrefix}${k[0].toUpperCase()}${k.slice(1)}` : k;
  const label = (l: string): string => (variant ? `${l} (${variant.labelSuffixVi})` : l);
  return [
    {
      key: key('priceTable'),
      labelVi: label('Bảng giá đất áp dụng'),
      value: `${price.table.titleVi} [${price.table.id}]`,
    },
    {
      key: key('location'),
      labelVi: label('Vị trí'),
      value: `${communeName}, ${price.zone.nameVi}, vị trí ${price.position}`,
    },
    {
      key: key('purpose'),
      labelVi: label('Mục đích sử dụng đất'),
      value: `${price.purpose} – ${PURPOSE_NAMES_VI[price.purpose]}`,
    },
    {
      key: key('unitPriceVnd'),
      labelVi: label('Đơn giá theo bảng giá đất'),
      value: `${formatVndVi(price.unitPriceVnd)}/m²`,
    },
    {
      key: key('adjustmentFactor'),
      labelVi: label('Hệ số điều chỉnh giá đất'),
      value: price.adjustmentFactorText.replace('.', ','),
    },
  ];
}

/** The date of the dossier that a rule file names for choosing the price table. */
export function dateFor(input: TransferInput, basis: DateBasis): LocalDate {
  switch (basis) {
    case 'CONTRACT_DATE':
      return input.contractDate;
    case 'DECLARATION_DATE':
      return input.declarationDate;
  }
}

/**
 * The table value of what is transferred: the whole valuation, or the part of the parcel's
 * rights the transferors hold and transfer (`TransferInput.transferredShare`).
 */
export function valueTransferred(valuation: Valuation, input: TransferInput): Valuation {
  const part = input.transferredShare;
  if (!part || part.numerator === part.denominator) return valuation;
  if (
    !Number.isSafeInteger(part.numerator) ||
    !Number.isSafeInteger(part.denominator) ||
    part.numerator <= 0 ||
    part.numerator > part.denominator
  )
    invalidInput('transferredShare must be a fraction of the parcel between 0 and 1');
  const share = frac(BigInt(part.numerator), BigInt(part.denominator));
  const value = mul(valuation.value, share);
  return {
    ...valuation,
    value,
    inputs: [
      ...valuation.inputs,
      {
        key: 'transferredShare',
        labelVi: 'Phần quyền sử dụng đất được chuyển nhượng',
        value: `${part.numerator}/${part.denominator}: ${formatVndVi(roundVnd(value, 'HALF_UP_TO_VND'))}`,
      },
    ],
  };
}
