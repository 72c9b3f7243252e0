import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CANCELLATION_REASONS,
  type CancellationReason,
  type PaymentNoticeV1,
  type SlipProblemV1,
} from '@lien-thong/contracts';
import { ASSESSMENT_STATUSES, AssessmentStatus } from '../schemas/tax-assessment.schema';
import type { StoredLine } from '../stored-line';

const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

/** The payment that settled an assessment. */
export class SettledPaymentView {
  @ApiProperty()
  transactionId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  amountVnd!: number;

  @ApiProperty({ format: 'date-time' })
  paidAt!: string;

  @ApiProperty({ description: 'Nộp sau hạn' })
  late!: boolean;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class RefundView {
  @ApiProperty()
  refundId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  amountVnd!: number;

  @ApiProperty({ format: 'date-time' })
  refundedAt!: string;
}

/**
 * The undoing of an assessment: pending while an agency has not answered (attempts and the
 * last error say why), done once the notices are voided and the order cancelled or refunded.
 */
export class CompensationView {
  @ApiProperty({ enum: CANCELLATION_REASONS })
  reason!: CancellationReason;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;

  @ApiPropertyOptional()
  lastError?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  doneAt?: string;

  @ApiPropertyOptional({ type: [String] })
  voidedNoticeNumbers?: string[];

  @ApiPropertyOptional({ enum: ['NONE', 'CANCELLED', 'REFUNDED'] })
  orderOutcome?: 'NONE' | 'CANCELLED' | 'REFUNDED';

  @ApiPropertyOptional({ type: RefundView })
  refund?: RefundView;
}

/** Another revision of the dossier's slip, and why it was returned or cancelled. */
export class AssessmentRevisionView {
  @ApiProperty({ example: '000.00.01.H01-261110-0001:R1' })
  assessmentId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  slipRevision!: number;

  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  status!: AssessmentStatus;

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  problems!: SlipProblemV1[];

  @ApiPropertyOptional({ enum: CANCELLATION_REASONS })
  cancellationReason?: CancellationReason;
}

/**
 * What an officer (or the taxpayer) sees for a dossier: the revision that stands in full, so
 * that each amount can be explained (base and its source, rate, exemption, inputs, legal
 * basis, notice and due date), and the other revisions with why they were returned.
 */
export class AssessmentView extends AssessmentRevisionView {
  @ApiProperty({ example: '000.00.01.H01-261110-0001' })
  dossierCode!: string;

  @ApiPropertyOptional({ example: '2026-11-12' })
  noticeIssuedOn?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  totalVnd?: number;

  @ApiPropertyOptional()
  payUrl?: string;

  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'Thông báo nộp tiền' })
  notices!: PaymentNoticeV1[];

  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'Từng khoản: căn cứ, thuế suất…' })
  lines!: StoredLine[];

  @ApiProperty({ type: [String] })
  filingIds!: string[];

  @ApiPropertyOptional({ type: SettledPaymentView })
  payment?: SettledPaymentView;

  @ApiPropertyOptional({ type: CompensationView })
  compensation?: CompensationView;

  @ApiProperty({ type: [AssessmentRevisionView] })
  otherRevisions!: AssessmentRevisionView[];
}
