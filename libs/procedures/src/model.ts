import { EffectiveDated, LegalBasis, LocalDate } from '@lien-thong/calendar';

/**
 * The one-stop's procedures by key. The same list as `PROCEDURES` of @lien-thong/contracts,
 * repeated because a domain library imports no contracts; the land registry's catalogue
 * spec checks that the two agree.
 */
export const PROCEDURE_KEYS = [
  'TRANSFER',
  'INHERITANCE',
  'MORTGAGE',
  'MORTGAGE_RELEASE',
  'PURPOSE_CHANGE',
  'HOUSE_REGISTRATION',
] as const;
export type ProcedureKey = (typeof PROCEDURE_KEYS)[number];

/** FULL: submitted and paid online end to end; PARTIAL: originals still shown at the counter. */
export const ONLINE_LEVELS = ['FULL', 'PARTIAL'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];

/**
 * The agencies a dossier crosses besides the land office, named like the services that
 * stand for them (so `agencyDeadline` and the handoffs of the land registry use them as is).
 */
export const AGENCIES = ['secured-transactions', 'tax-obligation', 'construction'] as const;
export type Agency = (typeof AGENCIES)[number];

/** National databases a document may be replaced by (the officer looks it up instead). */
export const LOOKUP_SOURCES = [
  'POPULATION_DATABASE',
  'LAND_DATABASE',
  'CIVIL_STATUS_DATABASE',
] as const;
export type LookupSource = (typeof LOOKUP_SOURCES)[number];

export const SUBMITTERS = [
  'LAND_USER',
  'TRANSFEREE',
  'HEIR',
  'MORTGAGOR',
  'MORTGAGEE',
  'HOUSE_OWNER',
  'AUTHORISED_REPRESENTATIVE',
] as const;
export type Submitter = (typeof SUBMITTERS)[number];

/** One document of the dossier (thành phần hồ sơ). */
export interface RequiredDocument {
  code: string;
  nameVi: string;
  required: boolean;
  copies: number;
  /** Not asked for: the officer reads it from this national database instead. */
  replacedBy?: LookupSource;
  noteVi?: string;
}

/** The time one agency has for its part, in working days, not counted at the land office. */
export interface AgencyStep {
  agency: Agency;
  /** What the agency does, e.g. `TAX.PIT_AND_REGISTRATION_FEE` (codes of libs/calendar). */
  step: string;
  nameVi: string;
  workingDays: number;
  legalBasis: LegalBasis[];
}

export interface LandOfficeTime {
  workingDays: number;
  /** Added for mountain, island, remote or disadvantaged communes (0 where none applies). */
  remoteExtraWorkingDays: number;
  legalBasis: LegalBasis[];
}

/**
 * Registered the day it is received when received before `receivedBefore` (local time),
 * otherwise the next working day (secured transactions, Decree 99/2022).
 */
export interface SameWorkingDayRule {
  receivedBefore: string;
  legalBasis: LegalBasis[];
}

/** One procedure as the law in force between two dates describes it. */
export interface ProcedureEntry extends EffectiveDated {
  key: ProcedureKey;
  /** National procedure code on the public-service portal. */
  code: string;
  codeConfirmed: boolean;
  nameVi: string;
  legalBasis: LegalBasis[];
  submitters: Submitter[];
  submittersVi: string;
  onlineLevel: OnlineLevel;
  documents: RequiredDocument[];
  landOffice: LandOfficeTime;
  sameWorkingDay?: SameWorkingDayRule;
  agencies: AgencyStep[];
  /** Codes of the provincial fee lines this procedure charges (data/fees/<province>.json). */
  feeCodes: string[];
}

/** A processing time ready for an appointment: the land office's days for this commune. */
export interface ProcedureProcessing {
  procedure: ProcedureKey;
  code: string;
  /** Working days at the land office, the remote extra included when asked for. */
  workingDays: number;
  baseWorkingDays: number;
  extraWorkingDays: number;
  sameWorkingDay?: SameWorkingDayRule;
  agencies: AgencyStep[];
  legalBasis: LegalBasis[];
  /** Which entry decided it, for the audit trail. */
  entryEffectiveFrom: LocalDate;
}
