import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PROCEDURES } from '@lien-thong/contracts';
import { DOSSIER_STATUSES } from '../../dossiers/dossier';
import { DOSSIER_CODE_PATTERN } from '../../dossiers/dossier-code';
import { TIMELINESS } from '../../dossiers/timeliness';

const NULLABLE_STRING = { type: String, nullable: true } as const;

/** One line of the officers' list (no citizen ID, phone or address). */
export class DossierListItemView {
  @ApiProperty({ pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiProperty({ enum: PROCEDURES })
  procedure!: string;

  @ApiProperty({ example: 'Đăng ký biến động do chuyển nhượng quyền sử dụng đất' })
  procedureVi!: string;

  @ApiProperty({ description: 'Người nộp hồ sơ' })
  applicantName!: string;

  @ApiProperty({ example: '00004/12/101', description: 'Mã xã/số tờ/số thửa' })
  parcel!: string;

  @ApiProperty({ enum: ['ONLINE', 'COUNTER'] })
  channel!: string;

  @ApiProperty({ example: '01/CN-BADINH' })
  unit!: string;

  @ApiProperty(NULLABLE_STRING)
  receivingUnit!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Hạn hiện tại (hoặc ngày hẹn lại); null khi đang tạm dừng tính thời gian',
  })
  currentDeadline!: Date | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Số ngày làm việc còn lại; âm khi đã quá hạn; null khi đã xong hoặc tạm dừng',
  })
  workingDaysLeft!: number | null;

  @ApiProperty({ enum: DOSSIER_STATUSES })
  status!: string;

  @ApiProperty()
  statusVi!: string;

  @ApiProperty({ example: 'land-registry' })
  heldBy!: string;

  @ApiProperty()
  heldByVi!: string;

  @ApiProperty({ ...NULLABLE_STRING, description: 'Cơ quan đang giữ hồ sơ để phối hợp' })
  waitingForAgency!: string | null;

  @ApiProperty(NULLABLE_STRING)
  waitingForAgencyVi!: string | null;

  @ApiProperty({ ...NULLABLE_STRING, description: 'Hệ thống cơ quan đang tạm ngừng' })
  agencyDown!: string | null;

  @ApiProperty({ ...NULLABLE_STRING, description: 'Chuyên viên đang thẩm định' })
  assignee!: string | null;

  @ApiProperty({ enum: TIMELINESS })
  timeliness!: string;

  @ApiProperty({ example: 'Sắp đến hạn' })
  timelinessVi!: string;

  @ApiPropertyOptional({ description: 'Chỉ khi tìm theo số định danh: số đã tìm' })
  citizenId?: string;
}

export class DossierListPageView {
  @ApiProperty({ type: [DossierListItemView] })
  items!: DossierListItemView[];

  @ApiProperty({ ...NULLABLE_STRING, description: 'Con trỏ trang sau; null ở trang cuối' })
  nextCursor!: string | null;
}
