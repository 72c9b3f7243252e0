import { PROCEDURES } from '@lien-thong/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { DOSSIER_CODE_PATTERN } from '../../dossiers/dossier-code';

export { DOSSIER_CODE_PATTERN };
const ANY_OBJECT = { type: 'object', additionalProperties: true } as const;

export class DossierStepView {
  @ApiProperty({ type: String, format: 'date-time' })
  at!: Date;

  @ApiProperty()
  noteVi!: string;
}

export class NoticeToPayView {
  @ApiProperty()
  labelVi!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  amountVnd!: number;

  @ApiProperty({ example: '2026-12-10' })
  dueDate!: string;

  @ApiProperty()
  noticeNumber!: string;
}

export class ToPayView {
  @ApiProperty({ type: 'integer', minimum: 0 })
  totalVnd!: number;

  @ApiProperty({ type: String, nullable: true })
  payUrl!: string | null;

  @ApiProperty({ type: [NoticeToPayView] })
  notices!: NoticeToPayView[];
}

/** What a citizen sees (tracking, or a party reading their dossier): no one's personal data. */
/** A provincial fee or charge, as a citizen reads it on the receipt. */
export class FeeView {
  @ApiProperty()
  labelVi!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  amountVnd!: number;

  @ApiProperty({ description: 'Căn cứ: nghị quyết của Hội đồng nhân dân tỉnh' })
  decisionVi!: string;
}

export class CitizenDossierView {
  @ApiProperty({ pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiPropertyOptional({ description: 'Thủ tục' })
  procedureVi?: string;

  @ApiPropertyOptional({ description: 'Trạng thái, tiếng Việt' })
  statusVi?: string;

  @ApiPropertyOptional({ description: 'Cơ quan đang giữ hồ sơ' })
  heldByVi?: string;

  @ApiProperty({ type: String, nullable: true })
  waitingForVi!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  appointmentAt!: Date;

  @ApiProperty({ type: [DossierStepView] })
  steps!: DossierStepView[];

  @ApiProperty({ type: ToPayView, nullable: true })
  toPay!: ToPayView | null;

  @ApiProperty({ type: [FeeView], description: 'Phí, lệ phí của tỉnh' })
  fees!: FeeView[];

  @ApiProperty({ type: String, nullable: true })
  refusalVi!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Kết quả: giấy chứng nhận mới hoặc giấy đã được xác nhận thay đổi',
  })
  certificateVi!: string | null;
}

export class WorkingDaysView {
  @ApiProperty({ type: 'integer', minimum: 0 })
  allowed!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  used!: number;

  @ApiProperty()
  remote!: boolean;
}

/** Everything an officer of the dossier's unit sees (each read is audited). */
export class OfficerDossierView {
  @ApiProperty({ pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiProperty({ enum: PROCEDURES })
  procedure!: string;

  @ApiPropertyOptional()
  procedureVi?: string;

  @ApiProperty({ example: 'CHECKING_ENCUMBRANCES' })
  status!: string;

  @ApiPropertyOptional()
  statusVi?: string;

  @ApiProperty({ example: 'LAND_REGISTRY' })
  heldBy!: string;

  @ApiPropertyOptional()
  heldByVi?: string;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Cơ quan đang tạm ngừng' })
  waitingFor!: Record<string, unknown> | null;

  @ApiProperty({ example: '01/CN-BADINH', description: 'Đơn vị xử lý hồ sơ' })
  unit!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Đơn vị đã tiếp nhận hồ sơ, khi khác đơn vị xử lý',
  })
  receivingUnit!: string | null;

  @ApiProperty({ enum: ['ONLINE', 'COUNTER'] })
  channel!: string;

  @ApiProperty({ enum: ['COUNTER', 'POST'] })
  resultDelivery!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  appointmentAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  currentDeadline!: Date | null;

  @ApiProperty()
  clockPaused!: boolean;

  @ApiProperty({ type: WorkingDaysView })
  workingDays!: WorkingDaysView;

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  pauses!: Record<string, unknown>[];

  @ApiProperty(ANY_OBJECT)
  parcel!: Record<string, unknown>;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  certificate!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  transfer!: Record<string, unknown> | null;

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  sellers!: Record<string, unknown>[];

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  buyers!: Record<string, unknown>[];

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Thừa kế: người thừa kế, căn cứ' })
  inheritance!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Thế chấp cần đăng ký' })
  mortgage!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Thế chấp cần xóa đăng ký' })
  mortgageRelease!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Chuyển mục đích sử dụng đất' })
  purposeChange!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Nhà ở, công trình xây dựng' })
  house!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Ý kiến của Sở Xây dựng' })
  construction!: Record<string, unknown> | null;

  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'Phí, lệ phí của tỉnh' })
  fees!: Record<string, unknown>[];

  @ApiProperty(ANY_OBJECT)
  applicant!: Record<string, unknown>;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  assessment!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  payment!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  refusal!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  delay!: Record<string, unknown> | null;

  @ApiProperty({ enum: ['ANNOTATE', 'NEW_CERTIFICATE'] })
  certificateChoice!: string;

  @ApiProperty({
    ...ANY_OBJECT,
    nullable: true,
    description: 'Cơ quan đang giữ hồ sơ và hạn trả lời theo quy chế phối hợp',
  })
  handoff!: Record<string, unknown> | null;

  @ApiProperty({ type: 'array', items: ANY_OBJECT, description: 'Các lần cơ quan trả lời quá hạn' })
  lateHandoffs!: Record<string, unknown>[];

  @ApiProperty({
    ...ANY_OBJECT,
    nullable: true,
    description: 'Chuyên viên đang thẩm định; null khi hồ sơ ở hàng chờ của đơn vị',
  })
  assignee!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Ý kiến trình của chuyên viên' })
  proposal!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Lãnh đạo đã phê duyệt' })
  approval!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true, description: 'Giấy chứng nhận sau đăng ký' })
  certificateOutcome!: Record<string, unknown> | null;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  withdrawal!: Record<string, unknown> | null;

  @ApiProperty({ type: 'array', items: ANY_OBJECT })
  timeline!: Record<string, unknown>[];

  @ApiProperty({
    type: 'array',
    items: ANY_OBJECT,
    description:
      'Tin nhắn đã gửi người dân (đã gửi hoặc bị từ chối), cũ trước mới sau: thời điểm, mẫu, kênh, người nhận đã che bớt, trạng thái, lý do lỗi',
  })
  notifications!: Record<string, unknown>[];

  @ApiProperty({
    description:
      'true khi không hỏi được dịch vụ thông báo: danh sách tin nhắn chỉ gồm các tin gửi không thành công đã ghi nhận (notificationsIncomplete)',
  })
  notificationsIncomplete!: boolean;

  @ApiProperty({
    type: 'array',
    items: ANY_OBJECT,
    description: 'Giấy tờ đã tải lên (như GET /dossiers/{code}/documents)',
  })
  documents!: Record<string, unknown>[];
}

/** One line of an officer's work list. */
export class ReviewQueueItemView {
  @ApiProperty({ pattern: DOSSIER_CODE_PATTERN })
  dossierCode!: string;

  @ApiProperty({ enum: ['IN_REVIEW', 'AWAITING_APPROVAL'] })
  status!: string;

  @ApiProperty()
  statusVi!: string;

  @ApiProperty({ example: '01/CN-BADINH' })
  unit!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  receivedAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  currentDeadline!: Date | null;

  @ApiProperty()
  parcelAddress!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Chuyên viên đang thẩm định' })
  assignee!: string | null;

  @ApiProperty({ description: 'Hồ sơ do chính người xem đang thẩm định' })
  mine!: boolean;

  @ApiProperty({ ...ANY_OBJECT, nullable: true })
  proposal!: Record<string, unknown> | null;
}

const COUNTS = { type: 'object', additionalProperties: { type: 'integer', minimum: 0 } } as const;

/** The unit's dossiers still running, counted three ways. */
export class BacklogView {
  @ApiProperty({ ...COUNTS, example: { CHECKING_ENCUMBRANCES: 3 } })
  byStatus!: Record<string, number>;

  @ApiProperty({ ...COUNTS, example: { LAND_REGISTRY: 3 } })
  byHolder!: Record<string, number>;

  @ApiProperty({ ...COUNTS, example: { TRANSFER: 3, MORTGAGE: 1 }, description: 'Theo thủ tục' })
  byProcedure!: Record<string, number>;

  @ApiProperty({ ...COUNTS, example: { 'e-tax': 1 } })
  waitingForAgency!: Record<string, number>;

  @ApiProperty({
    ...COUNTS,
    example: { 'tax-obligation': 2 },
    description: 'Hồ sơ đang ở cơ quan đã quá hạn phối hợp, theo cơ quan',
  })
  agencyPastDeadline!: Record<string, number>;

  @ApiProperty({
    ...COUNTS,
    example: { 'secured-transactions': 1 },
    description: 'Số lần cơ quan trả lời sau hạn phối hợp, theo cơ quan',
  })
  agencyAnsweredLate!: Record<string, number>;
}
