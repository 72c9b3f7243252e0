import { EffectiveDated, findInForce, LegalBasis, LocalDate } from '@lien-thong/calendar';
import { TaxRulesErrorCode, TaxRulesException } from './errors';
import {
  arr,
  bool,
  date,
  fail,
  int,
  legalBasis,
  legalBases,
  obj,
  str,
  strings,
} from './json-guard';

/** Construction grade of a house (cấp nhà), which decides its new-build price per m². */
export const HOUSE_GRADES = ['I', 'II', 'III', 'IV'] as const;
export type HouseGrade = (typeof HOUSE_GRADES)[number];

/**
 * A province's new-build price of houses per m² of floor area, by grade: the registration-fee
 * price of a house before its remaining quality (Decree 10/2022 art. 7), valid for a period.
 */
export interface HousePriceTable extends EffectiveDated {
  id: string;
  provinceCode: string;
  titleVi: string;
  decision: LegalBasis;
  /** True for the bundled sample tables; a notice must never be issued from them. */
  sample: boolean;
  unitPricesVnd: Record<HouseGrade, bigint>;
}

/** One band of years of use: up to and including `maxAgeYears` (null: no bound). */
export interface RemainingQualityBand {
  maxAgeYears: number | null;
  labelVi: string;
  percentByGrade: Record<HouseGrade, number>;
}

/** Remaining quality of a house by grade and years of use, valid for a period. */
export interface RemainingQualityTable extends EffectiveDated {
  id: string;
  titleVi: string;
  legalBasis: LegalBasis[];
  bands: RemainingQualityBand[];
  unconfirmed: string[];
}

function byGrade(value: unknown, path: string, max: number): Record<HouseGrade, number> {
  const o = obj(value, path);
  const out = {} as Record<HouseGrade, number>;
  for (const grade of HOUSE_GRADES) out[grade] = int(o[grade], `${path}.${grade}`, 0, max);
  return out;
}

/** Validates a house price table file. */
export function parseHousePriceTable(value: unknown): HousePriceTable {
  const o = obj(value, 'housePriceTable');
  const p = `housePriceTable[${typeof o.id === 'string' ? o.id : '?'}]`;
  const prices = byGrade(o.unitPricesVnd, `${p}.unitPricesVnd`, Number.MAX_SAFE_INTEGER);
  const table: HousePriceTable = {
    id: str(o.id, `${p}.id`),
    provinceCode: str(o.provinceCode, `${p}.provinceCode`),
    titleVi: str(o.titleVi, `${p}.titleVi`),
    decision: legalBasis(o.decision, `${p}.decision`),
    sample: bool(o.sample, `${p}.sample`),
    effectiveFrom: date(o.effectiveFrom, `${p}.effectiveFrom`),
    unitPricesVnd: {
      I: BigInt(prices.I),
      II: BigInt(prices.II),
      III: BigInt(prices.III),
      IV: BigInt(prices.IV),
    },
  };
  if (o.effectiveTo !== undefined) table.effectiveTo = date(o.effectiveTo, `${p}.effectiveTo`);
  return table;
}

/** Validates a remaining-quality table file: bands by increasing age, the last unbounded. */
export function parseRemainingQualityTable(value: unknown): RemainingQualityTable {
  const o = obj(value, 'remainingQuality');
  const p = `remainingQuality[${typeof o.id === 'string' ? o.id : '?'}]`;
  const bands = arr(o.bands, `${p}.bands`, (b, q): RemainingQualityBand => {
    const bo = obj(b, q);
    return {
      maxAgeYears: bo.maxAgeYears === null ? null : int(bo.maxAgeYears, `${q}.maxAgeYears`),
      labelVi: str(bo.labelVi, `${q}.labelVi`),
      percentByGrade: byGrade(bo.percentByGrade, `${q}.percentByGrade`, 100),
    };
  });
  const bounds = bands.map((b) => b.maxAgeYears);
  if (
    bounds.length === 0 ||
    bounds[bounds.length - 1] !== null ||
    bounds.slice(0, -1).some((b, i) => b === null || (i > 0 && b <= (bounds[i - 1] ?? 0)))
  )
    fail(`${p}.bands`, 'bands by increasing maxAgeYears, the last one null');
  const table: RemainingQualityTable = {
    id: str(o.id, `${p}.id`),
    titleVi: str(o.titleVi, `${p}.titleVi`),
    effectiveFrom: date(o.effectiveFrom, `${p}.effectiveFrom`),
    legalBasis: legalBases(o.legalBasis, `${p}.legalBasis`),
    bands,
    unconfirmed: strings(o.unconfirmed, `${p}.unconfirmed`),
  };
  if (o.effectiveTo !== undefined) table.effectiveTo = date(o.effectiveTo, `${p}.effectiveTo`);
  return table;
}

/** The house price table of a province in force on `on`; throws `TAX_RULES.NO_HOUSE_PRICE_TABLE`. */
export function housePriceTableFor(
  tables: readonly HousePriceTable[],
  provinceCode: string,
  on: LocalDate,
): HousePriceTable {
  const table = findInForce(
    tables.filter((t) => t.provinceCode === provinceCode),
    on,
  );
  if (!table)
    throw new TaxRulesException(
      TaxRulesErrorCode.NO_HOUSE_PRICE_TABLE,
      `no house price table for province ${provinceCode} on ${on}`,
    );
  return table;
}

/** The remaining-quality band of a house `ageYears` old under the table in force on `on`. */
export function remainingQualityFor(
  tables: readonly RemainingQualityTable[],
  on: LocalDate,
  ageYears: number,
): { table: RemainingQualityTable; band: RemainingQualityBand } {
  const table = findInForce(tables, on);
  if (!table)
    throw new TaxRulesException(
      TaxRulesErrorCode.NO_RULE_IN_FORCE,
      `no remaining-quality table in force on ${on}`,
    );
  const band = table.bands.find((b) => b.maxAgeYears === null || ageYears <= b.maxAgeYears);
  // The last band is unbounded (checked at load), so a band is always found.
  return { table, band: band ?? table.bands[table.bands.length - 1] };
}
