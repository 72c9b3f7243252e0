import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BreakReason } from '../audit-record';

const HASH = '^[0-9a-f]{64}$';

export class AuditActorView {
  @ApiProperty({ description: 'Mã định danh của người dùng tại máy chủ định danh' })
  subject!: string;

  @ApiProperty({ example: 'motcua.badinh' })
  username!: string;

  @ApiProperty({ example: 'Lê Thu Hà' })
  fullName!: string;

  @ApiProperty({ type: [String], example: ['counter-officer'] })
  roles!: string[];

  @ApiPropertyOptional({ example: '01/CN-BADINH' })
  unit?: string;
}

export class AuditRecordView {
  @ApiProperty({
    type: 'integer',
    example: 17,
    minimum: 1,
    description: 'Số thứ tự trong chuỗi (liên tục từ 1)',
  })
  seq!: number;

  @ApiProperty({ type: 'integer', example: 1, description: 'Phiên bản định dạng bản ghi' })
  v!: number;

  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;

  @ApiProperty({ type: AuditActorView, nullable: true })
  actor!: AuditActorView | null;

  @ApiProperty({ example: 'DOSSIER.REFUSED', pattern: '^[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)+$' })
  action!: string;

  @ApiProperty({ type: String, nullable: true, example: '000.00.01.H01-261110-0001' })
  dossierCode!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '127.0.0.1' })
  ip!: string | null;

  @ApiProperty({ type: 'object', nullable: true, additionalProperties: true })
  details!: Record<string, unknown> | null;

  @ApiProperty({ pattern: HASH, description: 'Mã băm của bản ghi trước (64 số 0 cho bản ghi đầu)' })
  prevHash!: string;

  @ApiProperty({ pattern: HASH, description: 'SHA-256 của mọi trường khác, tuần tự hoá chuẩn' })
  hash!: string;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditRecordView] })
  records!: AuditRecordView[];

  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Giá trị from cho trang tiếp theo; null khi đã hết',
  })
  nextFrom!: number | null;
}

const REASONS: BreakReason[] = ['HASH_MISMATCH', 'PREV_HASH_MISMATCH', 'SEQUENCE_GAP', 'MALFORMED'];

export class BrokenRecordView {
  @ApiProperty({
    type: 'integer',
    example: 17,
    description: 'Bản ghi đầu tiên bị hỏng (hoặc số thứ tự đầu tiên bị thiếu)',
  })
  seq!: number;

  @ApiProperty({ enum: REASONS })
  reason!: BreakReason;

  @ApiProperty({ description: 'Mô tả (tiếng Anh) cho người vận hành' })
  message!: string;
}

export class ChainVerificationView {
  @ApiProperty({ description: 'true khi mọi bản ghi còn nguyên vẹn và liên tục' })
  ok!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số bản ghi đã kiểm tra hợp lệ' })
  records!: number;

  @ApiPropertyOptional({ pattern: HASH, description: 'Mã băm của bản ghi cuối (khi ok)' })
  lastHash?: string;

  @ApiPropertyOptional({ type: BrokenRecordView, description: 'Khi không ok' })
  firstBroken?: BrokenRecordView;
}
