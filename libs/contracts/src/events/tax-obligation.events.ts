import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Min,
  ValidateNested,
} from 'class-validator';

export const OBLIGATION_CODES = ['PIT', 'REGISTRATION_FEE', 'LAND_USE_LEVY'] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

/** One payment notice issued by the tax authority, as the citizen must pay it. */
export class PaymentNoticeV1 {
  @IsString()
  noticeNumber!: string;

  @IsIn(OBLIGATION_CODES)
  code!: ObligationCode;

  /** What the citizen reads, e.g. "Thuế thu nhập cá nhân". */
  @IsString()
  labelVi!: string;

  /** Who owes it (a co-owner is taxed on their own share). */
  @IsString()
  taxpayerName!: string;

  @IsInt()
  @Min(0)
  baseVnd!: number;

  @IsInt()
  @Min(0)
  amountVnd!: number;

  @IsISO8601({ strict: true })
  dueDate!: string;

  /** Why nothing (or less) is owed, when an exemption applied. */
  @IsOptional()
  @IsString()
  exemptionVi?: string;

  @IsString()
  legalBasis!: string;
}

/** Obligations were determined and filed; notices issued with their deadlines. */
export class ObligationsAssessedV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  assessmentId!: string;

  @IsInt()
  @Min(1)
  slipRevision!: number;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => PaymentNoticeV1)
  notices!: PaymentNoticeV1[];

  @IsInt()
  @Min(0)
  totalVnd!: number;

  /** Where the citizen pays online (the national portal's payment page). */
  @IsOptional()
  @IsString()
  payUrl?: string;
}

export class SlipProblemV1 {
  @IsString()
  field!: string;

  @IsString()
  code!: string;

  @IsString()
  messageVi!: string;
}

/** The slip was incomplete and goes back to the land office for correction. */
export class TransferSlipReturnedV1 {
  @IsString()
  dossierCode!: string;

  @IsInt()
  @Min(1)
  slipRevision!: number;

  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => SlipProblemV1)
  problems!: SlipProblemV1[];
}

/** Every obligation of the dossier is paid (or nothing was owed). */
export class ObligationsPaidV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  assessmentId!: string;

  @IsInt()
  @Min(0)
  amountVnd!: number;

  @IsISO8601({ strict: true })
  paidAt!: string;

  @IsString()
  transactionId!: string;

  /** Paid after a notice's deadline (late-payment interest is the tax authority's matter). */
  @IsIn([true, false])
  late!: boolean;
}
