import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROCEDURES } from '@lien-thong/contracts';
import { DOSSIER_STATUSES } from '../../dossiers/dossier';
import { DOSSIER_CODE_PATTERN } from '../../dossiers/dossier-code';
import { FORMS } from '../../forms/form-content';

/** One of the citizen's own dossiers ("Hồ sơ của tôi"). */
export class CitizenDossierItemView {
  @ApiProperty({ pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiProperty({ enum: PROCEDURES })
  procedure!: string;

  @ApiProperty({ example: 'Đăng ký biến động do chuyển nhượng quyền sử dụng đất' })
  procedureNameVi!: string;

  @ApiProperty({ enum: DOSSIER_STATUSES })
  status!: string;

  @ApiProperty({ example: 'Đang chờ nộp tiền' })
  statusVi!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'Ngày hẹn trả kết quả (ngày hẹn lại khi đã có phiếu xin lỗi)',
  })
  appointmentDate!: Date;

  @ApiProperty({ enum: ['ONLINE', 'COUNTER'] })
  channel!: string;

  @ApiPropertyOptional({
    type: 'integer',
    description: 'Số tiền phải nộp (đồng) khi thông báo nộp tiền chưa được nộp',
  })
  amountDue?: number;

  @ApiPropertyOptional({ description: 'Trang thanh toán của cổng thanh toán' })
  paymentUrl?: string;

  @ApiProperty({ description: 'Hồ sơ còn rút được (chưa kết thúc)' })
  canWithdraw!: boolean;

  @ApiProperty({
    type: [String],
    enum: FORMS,
    description: 'Các mẫu in tải được lúc này (GET /dossiers/{code}/forms/{form})',
  })
  forms!: string[];
}

export class CitizenDossierPageView {
  @ApiProperty({ type: [CitizenDossierItemView] })
  items!: CitizenDossierItemView[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Con trỏ trang sau; null ở trang cuối',
  })
  nextCursor!: string | null;
}
