import { communeByCode, LocalDate } from '@lien-thong/calendar';
import { invalidInput } from './errors';
import { PURPOSE_NAMES_VI } from './labels';
import { HouseInput, InputUsed, LandLocation, LandUsePurpose } from './model';
import { add, Fraction, formatAreaVi, formatVndVi, frac, mul, roundVnd } from './money';
import { LandPriceTable, lookupUnitPrice, priceTableFor, UnitPriceLookup } from './price-table';

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
    { key: 'landTableValueVnd', labelVi: 'Giá trị đất theo bảng giá', value: formatVndVi(roundVnd(land, 'HALF_UP_TO_VND')) },
  ];
  if (!house) return { value: land, table, inputs };
  if (!Number.isSafeInteger(house.remainingQualityPercent) || house.remainingQualityPercent < 0 || house.remainingQualityPercent > 100) {
    invalidInput('house.remainingQualityPercent must be an integer from 0 to 100');
  }
  const houseValue = mul(
    frac(BigInt(house.floorAreaTenthsM2), 10n),
    frac(house.unitPriceVnd),
    frac(BigInt(house.remainingQualityPercent), 100n),
  );
  const total = add(land, houseValue);
  inputs.push(
    {
      key: 'houseValueVnd',
      labelVi: 'Giá trị nhà (diện tích sàn × đơn giá xây mới × tỷ lệ chất lượng còn lại)',
      value: `${formatAreaVi(house.floorAreaTenthsM2)} × ${formatVndVi(house.unitPriceVnd)}/m² × ${house.remainingQualityPercent}% = ${formatVndVi(roundVnd(houseValue, 'HALF_UP_TO_VND'))}`,
    },
    { key: 'tableValueVnd', labelVi: 'Giá trị nhà, đất theo bảng giá', value: formatVndVi(roundVnd(total, 'HALF_UP_TO_VND')) },
  );
  return { value: total, table, inputs };
}

/** Inputs that explain a unit price: which table, where, which purpose, how much, what factor. */
export function describePrice(price: UnitPriceLookup, keyPrefix = ''): InputUsed[] {
  const communeName = communeByCode(price.commune.communeCode)?.nameVi ?? price.commune.communeCode;
  const key = (k: string): string => (keyPrefix ? `${keyPrefix}${k[0].toUpperCase()}${k.slice(1)}` : k);
  return [
    { key: key('priceTable'), labelVi: 'Bảng giá đất áp dụng', value: `${price.table.titleVi} [${price.table.id}]` },
    { key: key('location'), labelVi: 'Vị trí', value: `${communeName}, ${price.zone.nameVi}, vị trí ${price.position}` },
    { key: key('purpose'), labelVi: 'Mục đích sử dụng đất', value: `${price.purpose} – ${PURPOSE_NAMES_VI[price.purpose]}` },
    { key: key('unitPriceVnd'), labelVi: 'Đơn giá theo bảng giá đất', value: `${formatVndVi(price.unitPriceVnd)}/m²` },
    { key: key('adjustmentFactor'), labelVi: 'Hệ số điều chỉnh giá đất', value: price.adjustmentFactorText.replace('.', ',') },
  ];
}
