export { TaxRulesErrorCode, TaxRulesException } from './errors';
export { LAND_USE_PURPOSES, RELATIONSHIPS, TRANSFER_KINDS } from './model';
export type {
  AppliedExemption,
  Assessment,
  BaseSource,
  DueDate,
  HouseInput,
  InputUsed,
  LandLocation,
  LandUsePurpose,
  LandUserKind,
  ObligationCode,
  ObligationLine,
  ParcelInput,
  Party,
  PurposeChangeInput,
  Relationship,
  Share,
  SoleResidenceFacts,
  TaxpayerRole,
  TransferInput,
  TransferKind,
  Transferor,
} from './model';
export {
  formatAreaVi,
  formatRateVi,
  formatVndVi,
  parseAreaM2,
  parseDecimal,
  roundVnd,
} from './money';
export type { Fraction, RoundingMode } from './money';
export { PURPOSE_NAMES_VI, RELATIONSHIP_NAMES_VI, TRANSFER_KIND_NAMES_VI } from './labels';
export type {
  BaseRule,
  DateBasis,
  ExemptionRule,
  LandUseLevyRuleSet,
  LevyBand,
  PaymentRule,
  PitRuleSet,
  RegistrationFeeRuleSet,
  RuleSet,
} from './rules';
export { parseRuleSet } from './rule-parse';
export {
  bundledRuleBook,
  createRuleBook,
  landUseLevyRulesOn,
  pitRulesOn,
  registrationFeeRulesOn,
} from './rule-book';
export type { RuleBook } from './rule-book';
export { lookupUnitPrice, parsePriceTable, priceTableFor } from './price-table';
export type {
  LandPriceTable,
  PricePosition,
  PriceTableCommune,
  PriceZone,
  UnitPriceLookup,
} from './price-table';
export { valueProperty } from './valuation';
export type { Valuation } from './valuation';
export { assessTransfer } from './assess';
export type { AssessOptions } from './assess';
export { assessPurposeChange } from './land-use-levy';
export { assessInheritance } from './inheritance';
export type { InheritanceInput } from './inheritance';
export type { Heir } from './heirs';
export { assessHouseRegistration, housePriceOf } from './house-registration';
export type { DeclaredHouse, HouseRegistrationInput } from './house-registration';
export {
  HOUSE_GRADES,
  housePriceTableFor,
  parseHousePriceTable,
  parseRemainingQualityTable,
  remainingQualityFor,
} from './house-price-table';
export type {
  HouseGrade,
  HousePriceTable,
  RemainingQualityBand,
  RemainingQualityTable,
} from './house-price-table';
export { dueDates } from './payment';
export { serializeAssessment } from './serialize';
export type { SerializedAssessment } from './serialize';
