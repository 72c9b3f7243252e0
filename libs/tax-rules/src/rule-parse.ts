import { arr, date, fail, int, Json, legalBases, obj, oneOf, str, strings } from './json-guard';
import { LAND_USE_PURPOSES, RELATIONSHIPS, TRANSFER_KINDS } from './model';
import { RoundingMode } from './money';
import {
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

const DATE_BASES: readonly DateBasis[] = ['CONTRACT_DATE', 'DECLARATION_DATE'];
const ROUNDING: readonly RoundingMode[] = ['HALF_UP_TO_VND', 'DOWN_TO_VND'];
const MAX_BP = 10_000;

/** Validates one rule file; throws `TAX_RULES.INVALID_RULE_FILE` naming the faulty field. */
export function parseRuleSet(value: unknown): RuleSet {
  const o = obj(value, 'ruleSet');
  const p = `ruleSet[${typeof o.id === 'string' ? o.id : '?'}]`;
  const series = oneOf(
    o.series,
    ['PIT', 'REGISTRATION_FEE', 'LAND_USE_LEVY'] as const,
    `${p}.series`,
  );
  const header = {
    id: str(o.id, `${p}.id`),
    titleVi: str(o.titleVi, `${p}.titleVi`),
    effectiveFrom: date(o.effectiveFrom, `${p}.effectiveFrom`),
    ...(o.effectiveTo === undefined
      ? {}
      : { effectiveTo: date(o.effectiveTo, `${p}.effectiveTo`) }),
    rounding: oneOf(o.rounding, ROUNDING, `${p}.rounding`),
    unconfirmed: strings(o.unconfirmed, `${p}.unconfirmed`),
  };
  switch (series) {
    case 'PIT':
      return { ...header, series, ...pit(o, p) };
    case 'REGISTRATION_FEE':
      return { ...header, series, ...fee(o, p) };
    case 'LAND_USE_LEVY':
      return { ...header, series, ...levy(o, p) };
  }
}

type Body<T> = Omit<
  T,
  'id' | 'titleVi' | 'effectiveFrom' | 'effectiveTo' | 'rounding' | 'unconfirmed' | 'series'
>;

function pit(o: Json, p: string): Body<PitRuleSet> {
  const transfer = obj(o.transfer, `${p}.transfer`);
  const gift = obj(o.giftOrInheritance, `${p}.giftOrInheritance`);
  return {
    transfer: {
      rateBasisPoints: int(transfer.rateBasisPoints, `${p}.transfer.rateBasisPoints`, 0, MAX_BP),
      base: baseRule(transfer.base, `${p}.transfer.base`),
      legalBasis: legalBases(transfer.legalBasis, `${p}.transfer.legalBasis`),
    },
    giftOrInheritance: {
      rateBasisPoints: int(
        gift.rateBasisPoints,
        `${p}.giftOrInheritance.rateBasisPoints`,
        0,
        MAX_BP,
      ),
      thresholdVnd: BigInt(int(gift.thresholdVnd, `${p}.giftOrInheritance.thresholdVnd`)),
      priceTableDate: oneOf(
        gift.priceTableDate,
        DATE_BASES,
        `${p}.giftOrInheritance.priceTableDate`,
      ),
      legalBasis: legalBases(gift.legalBasis, `${p}.giftOrInheritance.legalBasis`),
    },
    exemptions: arr(o.exemptions, `${p}.exemptions`, exemption),
    payment: payment(o.payment, `${p}.payment`),
  };
}

function fee(o: Json, p: string): Body<RegistrationFeeRuleSet> {
  return {
    rateBasisPoints: int(o.rateBasisPoints, `${p}.rateBasisPoints`, 0, MAX_BP),
    base: baseRule(o.base, `${p}.base`),
    capVnd: o.capVnd === null ? null : BigInt(int(o.capVnd, `${p}.capVnd`, 1)),
    legalBasis: legalBases(o.legalBasis, `${p}.legalBasis`),
    exemptions: arr(o.exemptions, `${p}.exemptions`, exemption),
    payment: payment(o.payment, `${p}.payment`),
  };
}

function levy(o: Json, p: string): Body<LandUseLevyRuleSet> {
  let reducedTiers: LandUseLevyRuleSet['reducedTiers'] = null;
  if (o.reducedTiers !== null) {
    const t = obj(o.reducedTiers, `${p}.reducedTiers`);
    const bands = arr(t.bands, `${p}.reducedTiers.bands`, band);
    if (bands.length === 0 || bands[bands.length - 1].upToLimitMultiple !== null) {
      fail(`${p}.reducedTiers.bands`, 'a last band without upper bound');
    }
    reducedTiers = {
      landUserKinds: arr(t.landUserKinds, `${p}.reducedTiers.landUserKinds`, (v, q) =>
        oneOf(v, ['HOUSEHOLD_OR_INDIVIDUAL', 'ORGANISATION'] as const, q),
      ),
      fromPurposes: arr(t.fromPurposes, `${p}.reducedTiers.fromPurposes`, (v, q) =>
        oneOf(v, LAND_USE_PURPOSES, q),
      ),
      toPurposes: arr(t.toPurposes, `${p}.reducedTiers.toPurposes`, (v, q) =>
        oneOf(v, LAND_USE_PURPOSES, q),
      ),
      bands,
      legalBasis: legalBases(t.legalBasis, `${p}.reducedTiers.legalBasis`),
    };
  }
  return {
    fullRateBasisPoints: int(o.fullRateBasisPoints, `${p}.fullRateBasisPoints`, 0, MAX_BP),
    legalBasis: legalBases(o.legalBasis, `${p}.legalBasis`),
    reducedTiers,
    payment: payment(o.payment, `${p}.payment`),
  };
}

function band(value: unknown, p: string): LevyBand {
  const b = obj(value, p);
  return {
    upToLimitMultiple:
      b.upToLimitMultiple === null ? null : int(b.upToLimitMultiple, `${p}.upToLimitMultiple`, 1),
    rateBasisPoints: int(b.rateBasisPoints, `${p}.rateBasisPoints`, 0, MAX_BP),
    labelVi: str(b.labelVi, `${p}.labelVi`),
  };
}

function baseRule(value: unknown, p: string): BaseRule {
  const b = obj(value, p);
  if (b.kind !== 'HIGHER_OF_CONTRACT_AND_TABLE') fail(`${p}.kind`, 'HIGHER_OF_CONTRACT_AND_TABLE');
  return {
    onTie: oneOf(b.onTie, ['CONTRACT_PRICE', 'PRICE_TABLE'] as const, `${p}.onTie`),
    priceTableDate: oneOf(b.priceTableDate, DATE_BASES, `${p}.priceTableDate`),
  };
}

function exemption(value: unknown, p: string): ExemptionRule {
  const e = obj(value, p);
  const rule: ExemptionRule = {
    code: str(e.code, `${p}.code`),
    reasonVi: str(e.reasonVi, `${p}.reasonVi`),
    legalBasis: legalBases(e.legalBasis, `${p}.legalBasis`),
    transferKinds: arr(e.transferKinds, `${p}.transferKinds`, (v, q) =>
      oneOf(v, TRANSFER_KINDS, q),
    ),
  };
  if (e.relationships !== undefined) {
    rule.relationships = arr(e.relationships, `${p}.relationships`, (v, q) =>
      oneOf(v, RELATIONSHIPS, q),
    );
  }
  if (e.soleResidence !== undefined) {
    const s = obj(e.soleResidence, `${p}.soleResidence`);
    rule.soleResidence = {
      minHoldingDays: int(s.minHoldingDays, `${p}.soleResidence.minHoldingDays`, 1),
      residentialPurposes: arr(
        s.residentialPurposes,
        `${p}.soleResidence.residentialPurposes`,
        (v, q) => oneOf(v, LAND_USE_PURPOSES, q),
      ),
    };
  }
  return rule;
}

function payment(value: unknown, p: string): PaymentRule {
  const o = obj(value, p);
  const installments = arr(o.installments, `${p}.installments`, (v, q) => {
    const i = obj(v, q);
    return {
      daysAfterNotice: int(i.daysAfterNotice, `${q}.daysAfterNotice`, 1),
      shareBasisPoints: int(i.shareBasisPoints, `${q}.shareBasisPoints`, 1, MAX_BP),
    };
  });
  if (installments.reduce((sum, i) => sum + i.shareBasisPoints, 0) !== MAX_BP) {
    fail(`${p}.installments`, 'shares adding up to 10000 basis points');
  }
  return { installments, legalBasis: legalBases(o.legalBasis, `${p}.legalBasis`) };
}
