import {
  arr,
  bool,
  date,
  int,
  legalBases,
  obj,
  oneOf,
  optDate,
  optStr,
  str,
  fail,
} from './json-guard';
import {
  AGENCIES,
  AgencyStep,
  LOOKUP_SOURCES,
  ONLINE_LEVELS,
  PROCEDURE_KEYS,
  ProcedureEntry,
  RequiredDocument,
  SameWorkingDayRule,
  SUBMITTERS,
} from './model';
import { assertProvincialFeeCode } from './fee-data';

const CODE = /^[A-Z][A-Z0-9_]*$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validates one file of `data/procedures/` (or a replacement with the same shape). */
export function parseProcedureEntry(value: unknown, file = 'procedure'): ProcedureEntry {
  const o = obj(value, file);
  const p = (field: string) => `${file}.${field}`;
  const entry: ProcedureEntry = {
    key: oneOf(o.key, PROCEDURE_KEYS, p('key')),
    code: str(o.code, p('code')),
    codeConfirmed: bool(o.codeConfirmed, p('codeConfirmed')),
    nameVi: str(o.nameVi, p('nameVi')),
    effectiveFrom: date(o.effectiveFrom, p('effectiveFrom')),
    legalBasis: legalBases(o.legalBasis, p('legalBasis')),
    submitters: arr(o.submitters, p('submitters'), (v, q) => oneOf(v, SUBMITTERS, q)),
    submittersVi: str(o.submittersVi, p('submittersVi')),
    onlineLevel: oneOf(o.onlineLevel, ONLINE_LEVELS, p('onlineLevel')),
    documents: arr(o.documents, p('documents'), parseDocument),
    landOffice: parseLandOffice(o.landOffice, p('landOffice')),
    agencies: arr(o.agencies, p('agencies'), parseAgencyStep),
    feeCodes: arr(o.feeCodes, p('feeCodes'), (v, q) => assertProvincialFeeCode(str(v, q), q)),
  };
  const effectiveTo = optDate(o.effectiveTo, p('effectiveTo'));
  if (effectiveTo !== undefined) {
    if (effectiveTo < entry.effectiveFrom)
      fail(p('effectiveTo'), 'a date not before effectiveFrom');
    entry.effectiveTo = effectiveTo;
  }
  if (o.sameWorkingDay !== undefined)
    entry.sameWorkingDay = parseSameDay(o.sameWorkingDay, p('sameWorkingDay'));
  if (entry.submitters.length === 0) fail(p('submitters'), 'at least one submitter');
  unique(
    entry.documents.map((d) => d.code),
    p('documents'),
  );
  unique(entry.feeCodes, p('feeCodes'));
  return entry;
}

function parseDocument(value: unknown, path: string): RequiredDocument {
  const o = obj(value, path);
  const code = str(o.code, `${path}.code`);
  if (!CODE.test(code)) fail(`${path}.code`, 'an UPPER_SNAKE code');
  const doc: RequiredDocument = {
    code,
    nameVi: str(o.nameVi, `${path}.nameVi`),
    required: bool(o.required, `${path}.required`),
    copies: int(o.copies, `${path}.copies`, 1, 10),
  };
  if (o.replacedBy !== undefined)
    doc.replacedBy = oneOf(o.replacedBy, LOOKUP_SOURCES, `${path}.replacedBy`);
  const note = optStr(o.noteVi, `${path}.noteVi`);
  if (note !== undefined) doc.noteVi = note;
  return doc;
}

function parseLandOffice(value: unknown, path: string): ProcedureEntry['landOffice'] {
  const o = obj(value, path);
  return {
    workingDays: int(o.workingDays, `${path}.workingDays`, 0, 60),
    remoteExtraWorkingDays: int(o.remoteExtraWorkingDays, `${path}.remoteExtraWorkingDays`, 0, 30),
    legalBasis: legalBases(o.legalBasis, `${path}.legalBasis`),
  };
}

function parseAgencyStep(value: unknown, path: string): AgencyStep {
  const o = obj(value, path);
  return {
    agency: oneOf(o.agency, AGENCIES, `${path}.agency`),
    step: str(o.step, `${path}.step`),
    nameVi: str(o.nameVi, `${path}.nameVi`),
    workingDays: int(o.workingDays, `${path}.workingDays`, 1, 60),
    legalBasis: legalBases(o.legalBasis, `${path}.legalBasis`),
  };
}

function parseSameDay(value: unknown, path: string): SameWorkingDayRule {
  const o = obj(value, path);
  const receivedBefore = str(o.receivedBefore, `${path}.receivedBefore`);
  if (!CLOCK.test(receivedBefore)) fail(`${path}.receivedBefore`, 'a HH:MM local time');
  return { receivedBefore, legalBasis: legalBases(o.legalBasis, `${path}.legalBasis`) };
}

function unique(values: readonly string[], path: string): void {
  if (new Set(values).size !== values.length) fail(path, 'no duplicate codes');
}
