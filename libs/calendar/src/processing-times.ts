import { assertWellOrdered, EffectiveDated, LegalBasis, selectInForce } from './effective-dated';
import { CalendarErrorCode, CalendarException } from './errors';
import { arr, date, int, obj, oneOf, optDate, str } from './json-guard';
import { parseLegalBases } from './legal-basis-data';
import { LocalDate } from './local-date';
import { parseClockTime } from './vietnam-time';

/** When a counter stops taking dossiers for the day, and when the office day ends. */
export interface OfficeHours {
  /** Receipts later than this local time count as received on the next working day. */
  receiptCutoff: string;
  /** Local time at which a deadline day ends (the `dueAt` of a deadline). */
  closesAt: string;
  legalBasis: LegalBasis[];
}

export const PROCEDURE_AGENCIES = [
  'LAND_OFFICE',
  'TAX_AUTHORITY',
  'JUSTICE_DEPARTMENT',
  'CONSTRUCTION_DEPARTMENT',
] as const;
export type ProcedureAgency = (typeof PROCEDURE_AGENCIES)[number];

/** Maximum processing time of one procedure at one agency, in working days. */
export interface ProcedureTime {
  /** National procedure code (e.g. `1.013831`) or an internal `TAX.*` / `JUSTICE.*` code. */
  code: string;
  nameVi: string;
  agency: ProcedureAgency;
  workingDays: number;
  /** Added for mountain, island, remote or disadvantaged communes. */
  remoteExtraWorkingDays: number;
  legalBasis: LegalBasis[];
}

export interface ProcessingTimesVersion extends EffectiveDated {
  titleVi: string;
  procedures: ProcedureTime[];
}

export type OfficeHoursVersion = EffectiveDated & OfficeHours;

/** Everything in `data/processing-times.json`. */
export interface ProcessingTimesData {
  officeHours: OfficeHoursVersion[];
  procedureVersions: ProcessingTimesVersion[];
}

/** The answer to "how long may this take", with the reason for each part. */
export interface ProcessingTime {
  procedureCode: string;
  nameVi: string;
  workingDays: number;
  baseWorkingDays: number;
  extraWorkingDays: number;
  legalBasis: LegalBasis[];
  /** Which data version decided it, for the audit trail. */
  versionEffectiveFrom: LocalDate;
}

/** Validates `data/processing-times.json` (or a replacement with the same shape). */
export function parseProcessingTimes(value: unknown): ProcessingTimesData {
  const o = obj(value, 'processingTimes');
  const officeHours = arr(o.officeHours, 'processingTimes.officeHours').map((item, i) => {
    const p = `processingTimes.officeHours[${i}]`;
    const h = obj(item, p);
    return withEnd<OfficeHoursVersion>(
      {
        effectiveFrom: date(h.effectiveFrom, `${p}.effectiveFrom`),
        receiptCutoff: clock(h.receiptCutoff, `${p}.receiptCutoff`),
        closesAt: clock(h.closesAt, `${p}.closesAt`),
        legalBasis: parseLegalBases(h.legalBasis, `${p}.legalBasis`),
      },
      h.effectiveTo,
      p,
    );
  });
  const procedureVersions = arr(o.procedureVersions, 'processingTimes.procedureVersions').map(
    (item, i) => {
      const p = `processingTimes.procedureVersions[${i}]`;
      const v = obj(item, p);
      const procedures = arr(v.procedures, `${p}.procedures`).map((proc, j): ProcedureTime => {
        const q = obj(proc, `${p}.procedures[${j}]`);
        return {
          code: str(q.code, `${p}.procedures[${j}].code`),
          nameVi: str(q.nameVi, `${p}.procedures[${j}].nameVi`),
          agency: oneOf(q.agency, PROCEDURE_AGENCIES, `${p}.procedures[${j}].agency`),
          workingDays: int(q.workingDays, `${p}.procedures[${j}].workingDays`, 1),
          remoteExtraWorkingDays: int(
            q.remoteExtraWorkingDays,
            `${p}.procedures[${j}].remoteExtraWorkingDays`,
          ),
          legalBasis: parseLegalBases(q.legalBasis, `${p}.procedures[${j}].legalBasis`),
        };
      });
      const version = {
        effectiveFrom: date(v.effectiveFrom, `${p}.effectiveFrom`),
        titleVi: str(v.titleVi, `${p}.titleVi`),
        procedures,
      };
      return withEnd<ProcessingTimesVersion>(version, v.effectiveTo, p);
    },
  );
  assertWellOrdered(officeHours, 'office hours');
  assertWellOrdered(procedureVersions, 'processing times');
  return { officeHours, procedureVersions };
}

/**
 * Processing time of a procedure for a dossier received on `receivedOn`, the version in
 * force that day deciding. `remote` adds the extra days for mountain, island or
 * disadvantaged communes (see `communeByCode(...).remote`).
 */
export function processingTimeFrom(
  versions: readonly ProcessingTimesVersion[],
  procedureCode: string,
  receivedOn: LocalDate,
  opts: { remote: boolean },
): ProcessingTime {
  const version = selectInForce(versions, receivedOn, 'processing-time rules');
  const procedure = version.procedures.find((p) => p.code === procedureCode);
  if (!procedure) {
    throw new CalendarException(
      CalendarErrorCode.UNKNOWN_PROCEDURE,
      `procedure ${procedureCode} has no processing time in force on ${receivedOn}`,
    );
  }
  const extra = opts.remote ? procedure.remoteExtraWorkingDays : 0;
  return {
    procedureCode,
    nameVi: procedure.nameVi,
    workingDays: procedure.workingDays + extra,
    baseWorkingDays: procedure.workingDays,
    extraWorkingDays: extra,
    legalBasis: procedure.legalBasis,
    versionEffectiveFrom: version.effectiveFrom,
  };
}

function withEnd<T extends EffectiveDated>(version: T, effectiveTo: unknown, path: string): T {
  const end = optDate(effectiveTo, `${path}.effectiveTo`);
  return end === undefined ? version : { ...version, effectiveTo: end };
}

function clock(value: unknown, path: string): string {
  const time = str(value, path);
  parseClockTime(time);
  return time;
}
