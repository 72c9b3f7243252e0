import { communeByCode, EffectiveDated, LegalBasis, LocalDate } from '@lien-thong/calendar';
import { TaxRulesErrorCode, TaxRulesException } from './errors';
import { arr, bool, date, fail, int, legalBasis, obj, oneOf, str } from './json-guard';
import { LAND_USE_PURPOSES, LandLocation, LandUsePurpose } from './model';
import { Fraction, parseAreaM2, parseDecimal } from './money';

/** Unit prices at one position (vị trí) of a street segment or zone. */
export interface PricePosition {
  position: number;
  unitPricesVnd: Partial<Record<LandUsePurpose, bigint>>;
  /** Overrides the table's factor here; kept as written for display. */
  adjustmentFactor?: string;
}

export interface PriceZone {
  code: string;
  nameVi: string;
  positions: PricePosition[];
}

export interface PriceTableCommune {
  communeCode: string;
  /** Residential allocation limit (hạn mức giao đất ở), in tenths of a m². */
  residentialAllocationLimitTenthsM2?: number;
  zones: PriceZone[];
}

/** A provincial land price table (bảng giá đất), valid for a period. */
export interface LandPriceTable extends EffectiveDated {
  id: string;
  provinceCode: string;
  titleVi: string;
  decision: LegalBasis;
  /** True for the bundled sample tables; a notice must never be issued from them. */
  sample: boolean;
  adjustmentFactor: string;
  communes: PriceTableCommune[];
}

/** A resolved unit price with everything needed to explain it. */
export interface UnitPriceLookup {
  table: LandPriceTable;
  commune: PriceTableCommune;
  zone: PriceZone;
  position: number;
  purpose: LandUsePurpose;
  unitPriceVnd: bigint;
  adjustmentFactor: Fraction;
  adjustmentFactorText: string;
}

/** Validates a price-table file; communes must exist in the calendar's admin-unit list. */
export function parsePriceTable(value: unknown): LandPriceTable {
  const o = obj(value, 'priceTable');
  const p = `priceTable[${typeof o.id === 'string' ? o.id : '?'}]`;
  const factor = (v: unknown, q: string): string => {
    const text = str(v, q);
    if (!/^\d+(\.\d+)?$/.test(text)) fail(q, 'a decimal such as "1.15"');
    return text;
  };
  const table: LandPriceTable = {
    id: str(o.id, `${p}.id`),
    provinceCode: str(o.provinceCode, `${p}.provinceCode`),
    titleVi: str(o.titleVi, `${p}.titleVi`),
    decision: legalBasis(o.decision, `${p}.decision`),
    sample: bool(o.sample, `${p}.sample`),
    effectiveFrom: date(o.effectiveFrom, `${p}.effectiveFrom`),
    adjustmentFactor: factor(o.adjustmentFactor, `${p}.adjustmentFactor`),
    communes: arr(o.communes, `${p}.communes`, (c, q): PriceTableCommune => {
      const co = obj(c, q);
      const communeCode = str(co.communeCode, `${q}.communeCode`);
      if (communeByCode(communeCode)?.provinceCode !== o.provinceCode)
        fail(`${q}.communeCode`, 'a commune of this province');
      const commune: PriceTableCommune = {
        communeCode,
        zones: arr(co.zones, `${q}.zones`, (z, zq): PriceZone => {
          const zo = obj(z, zq);
          return {
            code: str(zo.code, `${zq}.code`),
            nameVi: str(zo.nameVi, `${zq}.nameVi`),
            positions: arr(zo.positions, `${zq}.positions`, (pos, pq): PricePosition => {
              const po = obj(pos, pq);
              const prices = obj(po.unitPricesVnd, `${pq}.unitPricesVnd`);
              const unitPricesVnd: Partial<Record<LandUsePurpose, bigint>> = {};
              for (const [purpose, price] of Object.entries(prices)) {
                unitPricesVnd[oneOf(purpose, LAND_USE_PURPOSES, `${pq}.unitPricesVnd`)] = BigInt(
                  int(price, `${pq}.${purpose}`, 1),
                );
              }
              const position: PricePosition = {
                position: int(po.position, `${pq}.position`, 1),
                unitPricesVnd,
              };
              if (po.adjustmentFactor !== undefined)
                position.adjustmentFactor = factor(po.adjustmentFactor, `${pq}.adjustmentFactor`);
              return position;
            }),
          };
        }),
      };
      if (co.residentialAllocationLimitM2 !== undefined) {
        commune.residentialAllocationLimitTenthsM2 = parseAreaM2(
          str(co.residentialAllocationLimitM2, `${q}.residentialAllocationLimitM2`),
        );
      }
      return commune;
    }),
  };
  if (o.effectiveTo !== undefined) table.effectiveTo = date(o.effectiveTo, `${p}.effectiveTo`);
  return table;
}

/** The table of a province in force on `on`; throws `TAX_RULES.NO_PRICE_TABLE`. */
export function priceTableFor(
  tables: readonly LandPriceTable[],
  provinceCode: string,
  on: LocalDate,
): LandPriceTable {
  const candidates = tables.filter(
    (t) =>
      t.provinceCode === provinceCode &&
      t.effectiveFrom <= on &&
      (t.effectiveTo === undefined || on <= t.effectiveTo),
  );
  const table = candidates.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!table) {
    throw new TaxRulesException(
      TaxRulesErrorCode.NO_PRICE_TABLE,
      `no land price table for province ${provinceCode} on ${on}`,
    );
  }
  return table;
}

/** Unit price and adjustment factor for a purpose at a location; throws `TAX_RULES.PRICE_NOT_FOUND`. */
export function lookupUnitPrice(
  table: LandPriceTable,
  location: LandLocation,
  purpose: LandUsePurpose,
): UnitPriceLookup {
  const where = `${location.communeCode}/${location.zoneCode}/VT${location.position}/${purpose} in ${table.id}`;
  const commune = table.communes.find((c) => c.communeCode === location.communeCode);
  const zone = commune?.zones.find((z) => z.code === location.zoneCode);
  const position = zone?.positions.find((p) => p.position === location.position);
  const unitPriceVnd = position?.unitPricesVnd[purpose];
  if (!commune || !zone || !position || unitPriceVnd === undefined) {
    throw new TaxRulesException(TaxRulesErrorCode.PRICE_NOT_FOUND, `no unit price for ${where}`);
  }
  const adjustmentFactorText = position.adjustmentFactor ?? table.adjustmentFactor;
  return {
    table,
    commune,
    zone,
    position: position.position,
    purpose,
    unitPriceVnd,
    adjustmentFactor: parseDecimal(adjustmentFactorText),
    adjustmentFactorText,
  };
}
