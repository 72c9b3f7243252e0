export { ProceduresErrorCode, ProceduresException } from './errors';
export { AGENCIES, LOOKUP_SOURCES, ONLINE_LEVELS, PROCEDURE_KEYS, SUBMITTERS } from './model';
export type {
  Agency,
  AgencyStep,
  LandOfficeTime,
  LookupSource,
  OnlineLevel,
  ProcedureEntry,
  ProcedureKey,
  ProcedureProcessing,
  RequiredDocument,
  SameWorkingDayRule,
  Submitter,
} from './model';
export { NATIONAL_OBLIGATIONS, parseFeeSchedule } from './fee-data';
export type { FeeLineRule, FeeSchedule, FeeScheduleVersion, OnlineReduction } from './fee-data';
export { FEE_CHANNELS, formatRateVi, reducedAmount } from './fees';
export type { FeeChannel, FeeLine } from './fees';
export { parseProcedureEntry } from './procedure-data';
export {
  bundledCatalogue,
  catalogueOn,
  createCatalogue,
  feeProvinces,
  feesFor,
  isProcedureKey,
  procedureOn,
  processingOf,
} from './catalogue';
export type { Catalogue, FeeQuery } from './catalogue';
