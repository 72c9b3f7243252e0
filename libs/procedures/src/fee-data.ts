import { EffectiveDated, provinceByCode } from '@lien-thong/calendar';
import { invalidData } from './errors';
import { arr, date, fail, int, obj, optDate, str } from './json-guard';
import { PROCEDURE_KEYS, ProcedureKey } from './model';

/**
 * National obligations: assessed by the tax authority under national law (libs/tax-rules),
 * never a provincial fee line and never cut by a province's online reduction.
 */
export const NATIONAL_OBLIGATIONS = ['PIT', 'REGISTRATION_FEE', 'LAND_USE_LEVY'] as const;

/** Their names, in case a data file slips one in under another code. */
const NATIONAL_LABEL = /thuế thu nhập|lệ phí trước bạ|tiền sử dụng đất/i;
const FEE_CODE = /^[A-Z_]+$/;
/** No provincial fee of a land procedure comes near this; a bigger figure is a typo. */
const MAX_FEE_VND = 100_000_000;

/** A provincial fee or charge, priced per procedure by the People's Council's decision. */
export interface FeeLineRule {
  code: string;
  labelVi: string;
  /** "Nghị quyết số …/NQ-HĐND …": printed on the receipt beside the amount. */
  decisionVi: string;
  amountsVnd: Partial<Record<ProcedureKey, number>>;
}

/** The province's cut for online submission, on the lines its decision lists and no other. */
export interface OnlineReduction {
  /** 2 500 = 25 %. */
  rateBasisPoints: number;
  appliesTo: string[];
  decisionVi: string;
}

/** One province's fees, as a full snapshot from `effectiveFrom` (a new decision: a new version). */
export interface FeeScheduleVersion extends EffectiveDated {
  lines: FeeLineRule[];
  onlineReduction?: OnlineReduction;
}

export interface FeeSchedule {
  provinceCode: string;
  provinceNameVi: string;
  versions: FeeScheduleVersion[];
}

/** A code a procedure may charge as a provincial fee: never a national obligation. */
export function assertProvincialFeeCode(code: string, path: string): string {
  if (!FEE_CODE.test(code)) fail(path, 'an UPPER_SNAKE fee code');
  if ((NATIONAL_OBLIGATIONS as readonly string[]).includes(code))
    invalidData(`${path}: ${code} is a national obligation, not a provincial fee`);
  return code;
}

/** Validates one file of `data/fees/` (or a replacement with the same shape). */
export function parseFeeSchedule(value: unknown, file = 'fees'): FeeSchedule {
  const o = obj(value, file);
  const provinceCode = str(o.provinceCode, `${file}.provinceCode`);
  if (!provinceByCode(provinceCode)) fail(`${file}.provinceCode`, 'a province of the 2025 map');
  const versions = arr(o.versions, `${file}.versions`, parseVersion);
  const starts = new Set(versions.map((v) => v.effectiveFrom));
  if (starts.size !== versions.length) invalidData(`${file}: two versions start on the same day`);
  return {
    provinceCode,
    provinceNameVi: str(o.provinceNameVi, `${file}.provinceNameVi`),
    versions,
  };
}

function parseVersion(value: unknown, path: string): FeeScheduleVersion {
  const o = obj(value, path);
  const version: FeeScheduleVersion = {
    effectiveFrom: date(o.effectiveFrom, `${path}.effectiveFrom`),
    lines: arr(o.lines, `${path}.lines`, parseLine),
  };
  const effectiveTo = optDate(o.effectiveTo, `${path}.effectiveTo`);
  if (effectiveTo !== undefined) {
    if (effectiveTo < version.effectiveFrom)
      fail(`${path}.effectiveTo`, 'a date not before effectiveFrom');
    version.effectiveTo = effectiveTo;
  }
  const codes = version.lines.map((l) => l.code);
  if (new Set(codes).size !== codes.length) invalidData(`${path}.lines: duplicate codes`);
  if (o.onlineReduction !== undefined)
    version.onlineReduction = parseReduction(o.onlineReduction, `${path}.onlineReduction`, codes);
  return version;
}

function parseLine(value: unknown, path: string): FeeLineRule {
  const o = obj(value, path);
  const code = assertProvincialFeeCode(str(o.code, `${path}.code`), `${path}.code`);
  const labelVi = str(o.labelVi, `${path}.labelVi`);
  if (NATIONAL_LABEL.test(labelVi))
    invalidData(`${path}.labelVi: names a national obligation, not a provincial fee`);
  const amounts = obj(o.amountsVnd, `${path}.amountsVnd`);
  const amountsVnd: Partial<Record<ProcedureKey, number>> = {};
  for (const [key, amount] of Object.entries(amounts)) {
    if (!(PROCEDURE_KEYS as readonly string[]).includes(key))
      fail(`${path}.amountsVnd.${key}`, `a procedure key (${PROCEDURE_KEYS.join(' | ')})`);
    amountsVnd[key as ProcedureKey] = int(amount, `${path}.amountsVnd.${key}`, 0, MAX_FEE_VND);
  }
  return { code, labelVi, decisionVi: str(o.decisionVi, `${path}.decisionVi`), amountsVnd };
}

function parseReduction(value: unknown, path: string, lineCodes: string[]): OnlineReduction {
  const o = obj(value, path);
  const appliesTo = arr(o.appliesTo, `${path}.appliesTo`, (v, q) => {
    const code = str(v, q);
    if ((NATIONAL_OBLIGATIONS as readonly string[]).includes(code))
      invalidData(`${q}: ${code} is a national obligation; a province cannot reduce it`);
    if (!lineCodes.includes(code)) fail(q, `a fee line of this version (${lineCodes.join(', ')})`);
    return code;
  });
  if (appliesTo.length === 0) fail(`${path}.appliesTo`, 'at least one fee line');
  return {
    rateBasisPoints: int(o.rateBasisPoints, `${path}.rateBasisPoints`, 1, 10_000),
    appliesTo,
    decisionVi: str(o.decisionVi, `${path}.decisionVi`),
  };
}
