import pit20150101 from './data/rules/pit-2015-01-01.json';
import fee20170101 from './data/rules/registration-fee-2017-01-01.json';
import fee20220301 from './data/rules/registration-fee-2022-03-01.json';
import fee20250701 from './data/rules/registration-fee-2025-07-01.json';
import levy20240801 from './data/rules/land-use-levy-2024-08-01.json';
import levy20260101 from './data/rules/land-use-levy-2026-01-01.json';
import haNoi2025 from './data/price-tables/ha-noi-2025.json';
import haNoi2026 from './data/price-tables/ha-noi-2026.json';
import anGiang2026 from './data/price-tables/an-giang-2026.json';
import haNoiHouses2026 from './data/house-prices/ha-noi-2026.json';
import anGiangHouses2026 from './data/house-prices/an-giang-2026.json';
import houseQuality20220301 from './data/house-quality/remaining-quality-2022-03-01.json';

/**
 * The manifest of bundled data. A new decree is a new file under `data/rules/` plus one line
 * here (and its tests); a new price table is a file under `data/price-tables/`. No logic
 * changes: the selector picks the version in force by date.
 */
export const BUNDLED_RULE_FILES: readonly unknown[] = [
  pit20150101,
  fee20170101,
  fee20220301,
  fee20250701,
  levy20240801,
  levy20260101,
];

export const BUNDLED_PRICE_TABLE_FILES: readonly unknown[] = [haNoi2025, haNoi2026, anGiang2026];

/** New-build prices of houses by grade, per province (the registration-fee price of a house). */
export const BUNDLED_HOUSE_PRICE_TABLE_FILES: readonly unknown[] = [
  haNoiHouses2026,
  anGiangHouses2026,
];

/** Remaining quality of a house by grade and years of use. */
export const BUNDLED_REMAINING_QUALITY_FILES: readonly unknown[] = [houseQuality20220301];
