import { ApiProperty } from '@nestjs/swagger';
import { DOSSIER_CODE_PATTERN, TRACKING_SECRET_PATTERN } from '../../dossiers/dossier-code';

/** The receipt (giấy tiếp nhận): 201 for a new dossier, 200 for a repeated Idempotency-Key. */
export class ReceiptView {
  @ApiProperty({ example: '000.00.01.H01-261110-0001', pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', description: 'Ngày hẹn trả kết quả' })
  appointmentAt!: Date;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số ngày làm việc được phép' })
  workingDays!: number;

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
