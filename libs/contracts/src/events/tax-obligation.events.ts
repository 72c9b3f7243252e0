import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
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

/** Why a dossier's obligations were cancelled: the dossier closed, or a newer slip replaced them. */
export const CANCELLATION_REASONS = ['REFUSED', 'WITHDRAWN', 'SUPERSEDED'] as const;
export type CancellationReason = (typeof CANCELLATION_REASONS)[number];

/**
 * An assessment's notices were voided with the tax authority and its payment order (if it
 * had one still unpaid) cancelled at the gateway: the citizen owes nothing on them. Sent once
 * the compensation is done; a paid order is refunded instead (PaymentRefunded follows).
 */
export class ObligationsCancelledV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  assessmentId!: string;

  @IsIn(CANCELLATION_REASONS)
  reason!: CancellationReason;

  /** Every notice of the assessment that e-tax voided (exempt ones included). */
  @IsArray()
  @IsString({ each: true })
  voidedNoticeNumbers!: string[];

  /** True when an unpaid payment order was cancelled; false when there was none or it was paid. */
  @IsIn([true, false])
  paymentOrderCancelled!: boolean;

  @IsISO8601({ strict: true })
  cancelledAt!: string;
}

/** A payment for cancelled obligations was refunded in full by the payment gateway. */
export class PaymentRefundedV1 {
  @IsString()
  dossierCode!: string;

  @IsString()
  assessmentId!: string;

  /** Whole VND, the amount paid. */
  @IsInt()
  @Min(1)
  amountVnd!: number;

  /** The gateway's refund reference. */
  @IsString()
  refundId!: string;

  @IsISO8601({ strict: true })
  refundedAt!: string;

  @IsIn(CANCELLATION_REASONS)
  reason!: CancellationReason;
}
