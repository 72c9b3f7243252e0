import { EffectiveDated, LegalBasis } from '@lien-thong/calendar';
import { RoundingMode } from './money';
import { BaseSource, LandUsePurpose, LandUserKind, Relationship, TransferKind } from './model';

/** Which date of the dossier picks the price table (the law names it per obligation). */
export type DateBasis = 'CONTRACT_DATE' | 'DECLARATION_DATE';

/** "The contract price or the table value, whichever is higher", and who wins a tie. */
export interface BaseRule {
  /** Source used when contract price equals table value, as each instrument words it. */
  onTie: BaseSource;
  priceTableDate: DateBasis;
}

/** One exemption; it applies when every condition that is present holds. */
export interface ExemptionRule {
  code: string;
  reasonVi: string;
  legalBasis: LegalBasis[];
  transferKinds: TransferKind[];
  relationships?: Relationship[];
  soleResidence?: { minHoldingDays: number; residentialPurposes: LandUsePurpose[] };
}

export interface PaymentRule {
  installments: { daysAfterNotice: number; shareBasisPoints: number }[];
  legalBasis: LegalBasis[];
}

interface RuleFileHeader extends EffectiveDated {
  id: string;
  titleVi: string;
  rounding: RoundingMode;
  /** Doubts about this file, in plain words; shown to maintainers, never to citizens. */
  unconfirmed: string[];
}

/** Personal income tax on real estate. Chosen by the contract date. */
export interface PitRuleSet extends RuleFileHeader {
  series: 'PIT';
  transfer: { rateBasisPoints: number; base: BaseRule; legalBasis: LegalBasis[] };
  giftOrInheritance: {
    rateBasisPoints: number;
    thresholdVnd: bigint;
    priceTableDate: DateBasis;
    legalBasis: LegalBasis[];
  };
  exemptions: ExemptionRule[];
  payment: PaymentRule;
}

/** Registration fee on land and houses. Chosen by the declaration date. */
export interface RegistrationFeeRuleSet extends RuleFileHeader {
  series: 'REGISTRATION_FEE';
  rateBasisPoints: number;
  base: BaseRule;
  /** Cap per asset per registration; null = no cap. */
  capVnd: bigint | null;
  legalBasis: LegalBasis[];
  exemptions: ExemptionRule[];
  payment: PaymentRule;
}

export interface LevyBand {
  /** Upper bound as a multiple of the residential allocation limit; null = no bound. */
  upToLimitMultiple: number | null;
  rateBasisPoints: number;
  labelVi: string;
}

/** Land-use levy on a change of purpose. Chosen by the date of the decision allowing it. */
export interface LandUseLevyRuleSet extends RuleFileHeader {
  series: 'LAND_USE_LEVY';
  fullRateBasisPoints: number;
  legalBasis: LegalBasis[];
  reducedTiers: {
    landUserKinds: LandUserKind[];
    fromPurposes: LandUsePurpose[];
    toPurposes: LandUsePurpose[];
    bands: LevyBand[];
    legalBasis: LegalBasis[];
  } | null;
  payment: PaymentRule;
}

export type RuleSet = PitRuleSet | RegistrationFeeRuleSet | LandUseLevyRuleSet;
