import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PaymentNoticeV1, SlipProblemV1 } from '@lien-thong/contracts';
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

/** Another revision of the dossier's slip, and why it was returned. */
export class AssessmentRevisionView {
  @ApiProperty({ example: '000.00.01.H01-261110-0001:R1' })
  assessmentId!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  slipRevision!: number;

  @ApiProperty({ enum: ASSESSMENT_STATUSES })
  status!: AssessmentStatus;

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  problems!: SlipProblemV1[];
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

  @ApiProperty({ type: [AssessmentRevisionView] })
  otherRevisions!: AssessmentRevisionView[];
}
