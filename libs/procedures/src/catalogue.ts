import { findInForce, isLocalDate, LocalDate } from '@lien-thong/calendar';
import { BUNDLED_FEE_FILES, BUNDLED_PROCEDURE_FILES } from './bundled-data';
import { ProceduresErrorCode, ProceduresException, invalidData } from './errors';
import { FeeSchedule, parseFeeSchedule } from './fee-data';
import { FEE_CHANNELS, FeeChannel, FeeLine, priceLine } from './fees';
import { PROCEDURE_KEYS, ProcedureEntry, ProcedureKey, ProcedureProcessing } from './model';
import { parseProcedureEntry } from './procedure-data';

/** Every entry and fee schedule the selectors choose from, validated. */
export interface Catalogue {
  entries: readonly ProcedureEntry[];
  fees: readonly FeeSchedule[];
}

/** Builds a catalogue from raw JSON files, validating each; for tests and replacement data. */
export function createCatalogue(files: {
  procedures: readonly unknown[];
  fees: readonly unknown[];
}): Catalogue {
  const entries = files.procedures.map((f, i) => parseProcedureEntry(f, `procedures[${i}]`));
  const starts = new Set(entries.map((e) => `${e.key}@${e.effectiveFrom}`));
  if (starts.size !== entries.length) invalidData('two entries of a procedure start the same day');
  const fees = files.fees.map((f, i) => parseFeeSchedule(f, `fees[${i}]`));
  if (new Set(fees.map((f) => f.provinceCode)).size !== fees.length)
    invalidData('two fee files for one province');
  return { entries, fees };
}

let bundled: Catalogue | undefined;

/** The catalogue bundled with this library (validated once, then cached). */
export function bundledCatalogue(): Catalogue {
  return (bundled ??= createCatalogue({
    procedures: BUNDLED_PROCEDURE_FILES,
    fees: BUNDLED_FEE_FILES,
  }));
}

export function isProcedureKey(value: unknown): value is ProcedureKey {
  return typeof value === 'string' && (PROCEDURE_KEYS as readonly string[]).includes(value);
}

/** Every procedure in force on `on`, in the order of PROCEDURE_KEYS. */
export function catalogueOn(on: LocalDate, catalogue = bundledCatalogue()): ProcedureEntry[] {
  checkDate(on);
  return PROCEDURE_KEYS.flatMap((key) => {
    const entry = findInForce(
      catalogue.entries.filter((e) => e.key === key),
      on,
    );
    return entry ? [entry] : [];
  });
}

/**
 * The entry of `key` in force on `on` (the day the dossier is received): a change of law is a
 * new entry with a later `effectiveFrom`, which wins from that day on.
 */
export function procedureOn(
  key: string,
  on: LocalDate,
  catalogue = bundledCatalogue(),
): ProcedureEntry {
  checkDate(on);
  if (!isProcedureKey(key))
    throw new ProceduresException(ProceduresErrorCode.UNKNOWN_PROCEDURE, `no procedure ${key}`);
  const entry = findInForce(
    catalogue.entries.filter((e) => e.key === key),
    on,
  );
  if (!entry)
    throw new ProceduresException(
      ProceduresErrorCode.NOT_IN_FORCE,
      `no entry of ${key} in force on ${on}`,
    );
  return entry;
}

/**
 * How long the land office has for a dossier received on `on` (10 more working days in a
 * remote commune where the procedure allows it), and each agency it crosses.
 */
export function processingOf(
  key: string,
  on: LocalDate,
  opts: { remote?: boolean } = {},
  catalogue = bundledCatalogue(),
): ProcedureProcessing {
  const entry = procedureOn(key, on, catalogue);
  const extra = opts.remote ? entry.landOffice.remoteExtraWorkingDays : 0;
  const processing: ProcedureProcessing = {
    procedure: entry.key,
    code: entry.code,
    workingDays: entry.landOffice.workingDays + extra,
    baseWorkingDays: entry.landOffice.workingDays,
    extraWorkingDays: extra,
    agencies: entry.agencies,
    legalBasis: entry.landOffice.legalBasis,
    entryEffectiveFrom: entry.effectiveFrom,
  };
  if (entry.sameWorkingDay) processing.sameWorkingDay = entry.sameWorkingDay;
  return processing;
}

export interface FeeQuery {
  procedure: string;
  provinceCode: string;
  channel: FeeChannel;
  /** The day of receipt: the procedure entry and the fee decision in force that day apply. */
  on: LocalDate;
}

/** The provinces with a bundled fee schedule. */
export function feeProvinces(catalogue = bundledCatalogue()): { code: string; nameVi: string }[] {
  return catalogue.fees.map((f) => ({ code: f.provinceCode, nameVi: f.provinceNameVi }));
}

/**
 * The provincial fees and charges of a procedure, as lines for `DossierReceived.fees`: the
 * online reduction applies only to the lines the province's decision lists; national taxes
 * (income tax, registration fee, land-use levy) are never here.
 */
export function feesFor(query: FeeQuery, catalogue = bundledCatalogue()): FeeLine[] {
  if (!(FEE_CHANNELS as readonly string[]).includes(query.channel))
    invalidArgument(`unknown channel ${String(query.channel)}`);
  const entry = procedureOn(query.procedure, query.on, catalogue);
  const schedule = catalogue.fees.find((f) => f.provinceCode === query.provinceCode);
  const version = schedule && findInForce(schedule.versions, query.on);
  if (!version)
    throw new ProceduresException(
      ProceduresErrorCode.NO_FEE_SCHEDULE,
      `no fee schedule of province ${query.provinceCode} in force on ${query.on}`,
    );
  return entry.feeCodes.map((code) => {
    const rule = version.lines.find((l) => l.code === code);
    const amount = rule?.amountsVnd[entry.key];
    if (!rule || amount === undefined)
      throw new ProceduresException(
        ProceduresErrorCode.FEE_NOT_SET,
        `province ${query.provinceCode} sets no ${code} for ${entry.key} on ${query.on}`,
      );
    return priceLine(rule, amount, query.channel, version.onlineReduction);
  });
}

function checkDate(on: unknown): void {
  if (!isLocalDate(on)) invalidArgument(`${String(on)} is not a YYYY-MM-DD date`);
}

function invalidArgument(message: string): never {
  throw new ProceduresException(ProceduresErrorCode.INVALID_ARGUMENT, message);
}
