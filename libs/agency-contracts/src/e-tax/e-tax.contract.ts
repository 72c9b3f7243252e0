import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIdempotencyId, IsIsoDate, IsText, IsTimestamp, IsVnd } from '../common/validation';

/**
 * The tax authority's e-tax API. ETAX_URL is the API root (`<simulators>/etax/v1` for the
 * simulator); paths are relative to it.
 */
export const ETAX_API = {
  simulatorMount: '/etax/v1',
  filings: '/filings',
  filing: (filingId: string) => `/filings/${encodeURIComponent(filingId)}`,
  /** POST: voids a filing and its notices (idempotent: a voided filing answers as it is). */
  voidFiling: (filingId: string) => `/filings/${encodeURIComponent(filingId)}/void`,
} as const;

/** FILED: notices stand and must be paid. VOIDED: withdrawn by the filer, nothing is owed on them. */
export const FILING_STATUSES = ['FILED', 'VOIDED'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** Personal income tax, registration fee (lệ phí trước bạ), land-use levy (tiền sử dụng đất). */
export const OBLIGATION_CODES = ['PIT', 'REGISTRATION_FEE', 'LAND_USE_LEVY'] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export const ETAX_ERRORS = {
  /** 422: the filing parses but lacks what the tax office needs; correct and file again. */
  FILING_INCOMPLETE: 'ETAX.FILING_INCOMPLETE',
  FILING_NOT_FOUND: 'ETAX.FILING_NOT_FOUND',
  /** 409: the filingId was already used for a different filing. */
  FILING_ID_REUSED: 'ETAX.FILING_ID_REUSED',
} as const;

/** 12-digit personal ID (also the tax code since 2025-07-01), 10-digit organisation, or branch. */
const TAX_CODE = /^(\d{12}|\d{10}(-\d{3})?)$/;

export class Taxpayer {
  /** Blank is accepted by the parser and refused as an incomplete filing (422). */
  @IsText(200)
  name!: string;

  @ValidateIf((taxpayer: Taxpayer) => taxpayer.taxCode !== '')
  @IsString()
  @Matches(TAX_CODE, {
    message: 'Mã số thuế gồm 12 chữ số (số định danh cá nhân), 10 chữ số hoặc 10-3 chữ số',
  })
  taxCode!: string;
}

export class TaxObligationLine {
  @IsIn(OBLIGATION_CODES)
  code!: ObligationCode;

  @IsVnd()
  amountVnd!: number;

  @IsIsoDate()
  dueDate!: string;
}

/**
 * One taxpayer's obligations for one dossier: the seller's income tax and the buyer's
 * registration fee are two filings. The land-use levy may come as two lines (two
 * instalments with their own due dates).
 */
export class TaxFilingRequest {
  @IsIdempotencyId()
  filingId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  dossierCode!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Taxpayer)
  taxpayer!: Taxpayer;

  /** An empty list is accepted by the parser and refused as an incomplete filing (422). */
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => TaxObligationLine)
  obligations!: TaxObligationLine[];
}

/** A payment notice (thông báo nộp tiền), one per obligation line. */
export class PaymentNotice {
  @IsString()
  @IsNotEmpty()
  noticeNumber!: string;

  @IsIn(OBLIGATION_CODES)
  code!: ObligationCode;

  @IsVnd()
  amountVnd!: number;

  @IsIsoDate()
  dueDate!: string;
}

export class TaxFilingResponse {
  @IsIdempotencyId()
  filingId!: string;

  @IsString()
  dossierCode!: string;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => PaymentNotice)
  notices!: PaymentNotice[];

  @IsTimestamp()
  receivedAt!: string;

  @IsIn(FILING_STATUSES)
  status!: FilingStatus;

  @IsOptional()
  @IsTimestamp()
  voidedAt?: string;

  @IsOptional()
  @IsString()
  voidReason?: string;
}

/**
 * Voids a filing: the dossier was refused or withdrawn, or a corrected slip replaces it. The
 * reason is recorded with the first void; voiding again answers the filing as it is.
 */
export class VoidFilingRequest {
  @IsText(500)
  @IsNotEmpty()
  reason!: string;
}
