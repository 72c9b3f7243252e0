import { findInForce, LocalDate } from '@lien-thong/calendar';
import {
  BUNDLED_HOUSE_PRICE_TABLE_FILES,
  BUNDLED_PRICE_TABLE_FILES,
  BUNDLED_REMAINING_QUALITY_FILES,
  BUNDLED_RULE_FILES,
} from './bundled-data';
import { TaxRulesErrorCode, TaxRulesException } from './errors';
import {
  HousePriceTable,
  parseHousePriceTable,
  parseRemainingQualityTable,
  RemainingQualityTable,
} from './house-price-table';
import { LandPriceTable, parsePriceTable } from './price-table';
import { parseRuleSet } from './rule-parse';
import { LandUseLevyRuleSet, PitRuleSet, RegistrationFeeRuleSet, RuleSet } from './rules';

/** Every rule version and price table the assessment may choose from. */
export interface RuleBook {
  pit: PitRuleSet[];
  registrationFee: RegistrationFeeRuleSet[];
  landUseLevy: LandUseLevyRuleSet[];
  priceTables: LandPriceTable[];
  /** New-build prices of houses by grade, per province. */
  housePriceTables: HousePriceTable[];
  remainingQuality: RemainingQualityTable[];
}

/** Builds a rule book from raw JSON files, validating each; for tests and replacement data. */
export function createRuleBook(files: {
  rules: readonly unknown[];
  priceTables: readonly unknown[];
  housePriceTables?: readonly unknown[];
  remainingQuality?: readonly unknown[];
}): RuleBook {
  const book: RuleBook = {
    pit: [],
    registrationFee: [],
    landUseLevy: [],
    priceTables: [],
    housePriceTables: (files.housePriceTables ?? []).map(parseHousePriceTable),
    remainingQuality: (files.remainingQuality ?? []).map(parseRemainingQualityTable),
  };
  for (const rule of files.rules.map(parseRuleSet)) addRule(book, rule);
  for (const series of [book.pit, book.registrationFee, book.landUseLevy])
    assertDistinctStarts(series);
  book.priceTables = files.priceTables.map(parsePriceTable);
  const ids = new Set(book.priceTables.map((t) => t.id));
  if (ids.size !== book.priceTables.length) invalidFile('two price tables share an id');
  const houseIds = new Set(book.housePriceTables.map((t) => t.id));
  if (houseIds.size !== book.housePriceTables.length)
    invalidFile('two house price tables share an id');
  return book;
}

let bundled: RuleBook | undefined;

/** The rule book from the files bundled with this library (validated once, then cached). */
export function bundledRuleBook(): RuleBook {
  return (bundled ??= createRuleBook({
    rules: BUNDLED_RULE_FILES,
    priceTables: BUNDLED_PRICE_TABLE_FILES,
    housePriceTables: BUNDLED_HOUSE_PRICE_TABLE_FILES,
    remainingQuality: BUNDLED_REMAINING_QUALITY_FILES,
  }));
}

/** Income-tax rules in force on the contract date (the date the income arises). */
export function pitRulesOn(book: RuleBook, contractDate: LocalDate): PitRuleSet {
  return inForce(book.pit, contractDate, 'personal income tax');
}

/** Registration-fee rules in force on the declaration date (Decree 10/2022 art. 7). */
export function registrationFeeRulesOn(
  book: RuleBook,
  declarationDate: LocalDate,
): RegistrationFeeRuleSet {
  return inForce(book.registrationFee, declarationDate, 'registration fee');
}

/** Levy rules in force on the date of the decision allowing the change of purpose. */
export function landUseLevyRulesOn(book: RuleBook, decisionDate: LocalDate): LandUseLevyRuleSet {
  return inForce(book.landUseLevy, decisionDate, 'land-use levy');
}

function inForce<T extends RuleSet>(versions: readonly T[], on: LocalDate, what: string): T {
  const found = findInForce(versions, on);
  if (!found)
    throw new TaxRulesException(
      TaxRulesErrorCode.NO_RULE_IN_FORCE,
      `no ${what} rules in force on ${on}`,
    );
  return found;
}

function addRule(book: RuleBook, rule: RuleSet): void {
  switch (rule.series) {
    case 'PIT':
      book.pit.push(rule);
      return;
    case 'REGISTRATION_FEE':
      book.registrationFee.push(rule);
      return;
    case 'LAND_USE_LEVY':
      book.landUseLevy.push(rule);
      return;
  }
}

function assertDistinctStarts(versions: readonly RuleSet[]): void {
  const starts = new Set(versions.map((v) => v.effectiveFrom));
  if (starts.size !== versions.length)
    invalidFile(`two ${versions[0]?.series} rule files start on the same day`);
  const ids = new Set(versions.map((v) => v.id));
  if (ids.size !== versions.length) invalidFile('two rule files share an id');
}

function invalidFile(message: string): never {
  throw new TaxRulesException(TaxRulesErrorCode.INVALID_RULE_FILE, message);
}
