import { ApiProperty } from '@nestjs/swagger';
import { PROCEDURES } from '@lien-thong/contracts';

/** A provincial fee or charge on the receipt, with the decision it comes from. */
export class FeeLineView {
  @ApiProperty({ example: 'DOSSIER_APPRAISAL_FEE' })
  code!: string;

  @ApiProperty({ example: 'Phí thẩm định hồ sơ cấp giấy chứng nhận' })
  labelVi!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  amountVnd!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    required: false,
    description: 'Số tiền trước khi giảm cho hồ sơ nộp trực tuyến',
  })
  fullAmountVnd?: number;

  @ApiProperty({ description: 'Căn cứ: nghị quyết của Hội đồng nhân dân tỉnh' })
  decisionVi!: string;
}
import { DOSSIER_CODE_PATTERN, TRACKING_SECRET_PATTERN } from '../../dossiers/dossier-code';

/** The receipt (giấy tiếp nhận): 201 for a new dossier, 200 for a repeated Idempotency-Key. */
export class ReceiptView {
  @ApiProperty({ example: '000.00.01.H01-261110-0001', pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiProperty({ enum: PROCEDURES })
  procedure!: (typeof PROCEDURES)[number];

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Ngày hẹn trả kết quả' })
  appointmentAt!: Date;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số ngày làm việc được phép' })
  workingDays!: number;

  @ApiProperty({ type: [FeeLineView], description: 'Phí, lệ phí của tỉnh phải nộp' })
  fees!: FeeLineView[];

  @ApiProperty({
    type: String,
    nullable: true,
    pattern: TRACKING_SECRET_PATTERN,
    description: 'Mã tra cứu (chỉ ở lần nộp đầu tiên; null khi gửi lại cùng khóa)',
  })
  trackingSecret!: string | null;

  @ApiProperty({ description: 'Nội dung giấy tiếp nhận, tiếng Việt' })
  receiptVi!: string;
}
