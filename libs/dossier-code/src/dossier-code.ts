import { assertLocalDate, isLocalDate, LegalBasis, LocalDate } from '@lien-thong/calendar';
import formatsJson from './data/dossier-code-formats.json';
import { DossierCodeErrorCode, DossierCodeException } from './errors';
import { CompiledTemplate, compileTemplate, maskPattern, Token } from './template';

/** A dossier-code format: a template plus what it means and where it comes from. */
export interface DossierCodeFormat {
  id: string;
  template: string;
  descriptionVi: string;
  interpretation: string;
  legalBasis: LegalBasis[];
  confirmed: boolean;
}

export type BundledFormatId = 'CLASSIC' | 'CENTRALIZED_2026';

/** What goes into a code. `date` is the local (Asia/Ho_Chi_Minh) date of receipt. */
export interface DossierCodeParts {
  unitCode: string;
  date: LocalDate;
  sequence: number;
  /** Extra placeholders of the template, e.g. `{ series: 'TT' }`. */
  fields?: Record<string, string>;
}

const FORMATS: readonly DossierCodeFormat[] = formatsJson.formats;
const compiled = new Map<string, CompiledTemplate>();

/** A bundled format by id; throws `DOSSIER_CODE.UNKNOWN_FORMAT`. */
export function dossierCodeFormat(id: BundledFormatId | string): DossierCodeFormat {
  const format = FORMATS.find((f) => f.id === id);
  if (!format)
    throw new DossierCodeException(
      DossierCodeErrorCode.UNKNOWN_FORMAT,
      `no dossier-code format ${id}`,
    );
  return format;
}

/** Every bundled format, for configuration screens and validation of settings. */
export function dossierCodeFormats(): readonly DossierCodeFormat[] {
  return FORMATS;
}

/** Builds a dossier code. Pure: the sequence number comes from a {@link DossierSequence}. */
export function formatDossierCode(
  format: BundledFormatId | DossierCodeFormat,
  parts: DossierCodeParts,
): string {
  const { tokens } = compile(format);
  if (!isLocalDate(parts.date)) invalidPart(`date must be YYYY-MM-DD, got ${parts.date}`);
  if (!Number.isSafeInteger(parts.sequence) || parts.sequence < 1)
    invalidPart('sequence must be a positive integer');
  return tokens.map((token) => render(token, parts)).join('');
}

/** Reads a dossier code back into its parts; throws `DOSSIER_CODE.UNPARSEABLE`. */
export function parseDossierCode(
  format: BundledFormatId | DossierCodeFormat,
  code: string,
): DossierCodeParts {
  const { pattern, tokens } = compile(format);
  const groups = pattern.exec(code)?.groups;
  const date = groups ? fromYYMMDD(groups.date) : undefined;
  if (!groups || date === undefined) {
    throw new DossierCodeException(
      DossierCodeErrorCode.UNPARSEABLE,
      `${code} is not a ${typeof format === 'string' ? format : format.id} dossier code`,
    );
  }
  const fields: Record<string, string> = {};
  for (const token of tokens) {
    if ((token.kind === 'free' || token.kind === 'mask') && token.name !== 'unit')
      fields[token.name] = groups[token.name];
  }
  const parts: DossierCodeParts = { unitCode: groups.unit, date, sequence: Number(groups.seq) };
  if (Object.keys(fields).length > 0) parts.fields = fields;
  return parts;
}

/** True when `code` is a well-formed code of `format`. */
export function isDossierCode(format: BundledFormatId | DossierCodeFormat, code: string): boolean {
  try {
    parseDossierCode(format, code);
    return true;
  } catch {
    return false;
  }
}

function compile(format: BundledFormatId | DossierCodeFormat): CompiledTemplate {
  const template =
    typeof format === 'string' ? dossierCodeFormat(format).template : format.template;
  let result = compiled.get(template);
  if (!result) {
    result = compileTemplate(template);
    compiled.set(template, result);
  }
  return result;
}

function render(token: Token, parts: DossierCodeParts): string {
  switch (token.kind) {
    case 'literal':
      return token.text;
    case 'date':
      return assertLocalDate(parts.date).slice(2).replaceAll('-', '');
    case 'sequence': {
      const digits = String(parts.sequence).padStart(token.width, '0');
      if (!token.open && digits.length > token.width) {
        throw new DossierCodeException(
          DossierCodeErrorCode.SEQUENCE_OVERFLOW,
          `sequence ${parts.sequence} does not fit ${token.width} digits`,
        );
      }
      return digits;
    }
    case 'free':
    case 'mask': {
      const value = token.name === 'unit' ? parts.unitCode : parts.fields?.[token.name];
      if (value === undefined) invalidPart(`missing ${token.name}`);
      const pattern = token.kind === 'free' ? '[A-Z0-9.]+' : maskPattern(token.mask);
      if (!new RegExp(`^${pattern}$`).test(value))
        invalidPart(
          `${token.name} "${value}" does not match ${token.kind === 'free' ? '*' : token.mask}`,
        );
      return value;
    }
  }
}

/** YYMMDD → YYYY-MM-DD in 2000–2099, or undefined for an impossible date. */
function fromYYMMDD(text: string): LocalDate | undefined {
  const date = `20${text.slice(0, 2)}-${text.slice(2, 4)}-${text.slice(4, 6)}`;
  return isLocalDate(date) ? date : undefined;
}

function invalidPart(message: string): never {
  throw new DossierCodeException(DossierCodeErrorCode.INVALID_PART, message);
}
