import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENCIES,
  LOOKUP_SOURCES,
  ONLINE_LEVELS,
  PROCEDURE_KEYS,
  SUBMITTERS,
} from '@lien-thong/procedures';

const DATE = { type: String, format: 'date', example: '2026-07-01' } as const;
const WORKING_DAYS = { type: 'integer', minimum: 0 } as const;

/** Where a rule comes from: instrument, article, and whether it is checked. */
export class LegalBasisView {
  @ApiProperty({ example: 'Nghị định 99/2022/NĐ-CP' })
  document!: string;

  @ApiPropertyOptional({ example: 'Điều 15' })
  article?: string;

  @ApiPropertyOptional()
  noteVi?: string;

  @ApiPropertyOptional({ description: 'false: trích dẫn hoặc số liệu chưa được xác nhận' })
  confirmed?: boolean;
}

/** One document of the dossier (thành phần hồ sơ). */
export class RequiredDocumentView {
  @ApiProperty({ example: 'TRANSFER_CONTRACT' })
  code!: string;

  @ApiProperty()
  nameVi!: string;

  @ApiProperty()
  required!: boolean;

  @ApiProperty({ type: 'integer', minimum: 1 })
  copies!: number;

  @ApiPropertyOptional({
    enum: LOOKUP_SOURCES,
    description: 'Không phải nộp: cán bộ tra cứu cơ sở dữ liệu quốc gia này',
  })
  replacedBy?: (typeof LOOKUP_SOURCES)[number];

  @ApiPropertyOptional()
  noteVi?: string;
}

/** The time an agency the dossier crosses has for its part (not counted at the land office). */
export class AgencyStepView {
  @ApiProperty({ enum: AGENCIES })
  agency!: (typeof AGENCIES)[number];

  @ApiProperty({ example: 'TAX.PIT_AND_REGISTRATION_FEE' })
  step!: string;

  @ApiProperty()
  nameVi!: string;

  @ApiProperty({ ...WORKING_DAYS, minimum: 1 })
  workingDays!: number;

  @ApiProperty({ type: [LegalBasisView] })
  legalBasis!: LegalBasisView[];
}

export class SameWorkingDayView {
  @ApiProperty({ example: '15:00', description: 'Nhận trước giờ này: giải quyết trong ngày' })
  receivedBefore!: string;

  @ApiProperty({ type: [LegalBasisView] })
  legalBasis!: LegalBasisView[];
}

export class ProcessingView {
  @ApiProperty({ ...WORKING_DAYS, description: 'Ngày làm việc tại văn phòng đăng ký đất đai' })
  landOfficeWorkingDays!: number;

  @ApiProperty({
    ...WORKING_DAYS,
    description: 'Cộng thêm tại xã miền núi, hải đảo, vùng sâu, vùng xa',
  })
  remoteExtraWorkingDays!: number;

  @ApiPropertyOptional({ type: SameWorkingDayView })
  sameWorkingDay?: SameWorkingDayView;

  @ApiProperty({ type: [AgencyStepView] })
  agencies!: AgencyStepView[];

  @ApiProperty({ type: [LegalBasisView] })
  legalBasis!: LegalBasisView[];
}

/** A procedure as the catalogue in force today describes it. */
export class ProcedureView {
  @ApiProperty({ enum: PROCEDURE_KEYS })
  key!: (typeof PROCEDURE_KEYS)[number];

  @ApiProperty({ example: '1.013831', description: 'Mã thủ tục trên Cổng dịch vụ công quốc gia' })
  code!: string;

  @ApiProperty({ description: 'false: mã thủ tục chưa được xác nhận' })
  codeConfirmed!: boolean;

  @ApiProperty()
  nameVi!: string;

  @ApiProperty({ type: [LegalBasisView] })
  legalBasis!: LegalBasisView[];

  @ApiProperty({ enum: SUBMITTERS, isArray: true })
  submitters!: (typeof SUBMITTERS)[number][];

  @ApiProperty({ description: 'Người được nộp hồ sơ' })
  submittersVi!: string;

  @ApiProperty({ enum: ONLINE_LEVELS, description: 'FULL: toàn trình; PARTIAL: một phần' })
  onlineLevel!: (typeof ONLINE_LEVELS)[number];

  @ApiProperty({ type: [RequiredDocumentView] })
  documents!: RequiredDocumentView[];

  @ApiProperty({ type: ProcessingView })
  processing!: ProcessingView;

  @ApiProperty({ enum: AGENCIES, isArray: true, description: 'Các cơ quan hồ sơ đi qua' })
  agencies!: (typeof AGENCIES)[number][];

  @ApiProperty({ type: [String], description: 'Mã các khoản phí, lệ phí cấp tỉnh áp dụng' })
  feeCodes!: string[];

  @ApiProperty(DATE)
  effectiveFrom!: string;

  @ApiPropertyOptional(DATE)
  effectiveTo?: string;
}

/** A provincial fee or charge, shaped like FeeLineV1 of the events. */
export class FeeLineView {
  @ApiProperty({ example: 'CERTIFICATE_ISSUANCE' })
  code!: string;

  @ApiProperty()
  labelVi!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Số tiền phải nộp, đồng' })
  amountVnd!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Số tiền trước khi giảm' })
  fullAmountVnd?: number;

  @ApiProperty({ description: 'Nghị quyết của Hội đồng nhân dân quy định (và giảm) khoản thu' })
  decisionVi!: string;
}

export class ProcedureFeesView {
  @ApiProperty({ example: '01' })
  provinceCode!: string;

  @ApiProperty({ example: 'Thành phố Hà Nội' })
  provinceNameVi!: string;

  @ApiProperty({ type: [FeeLineView], description: 'Nộp tại bộ phận một cửa' })
  counter!: FeeLineView[];

  @ApiProperty({ type: [FeeLineView], description: 'Nộp trực tuyến' })
  online!: FeeLineView[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  counterTotalVnd!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  onlineTotalVnd!: number;

  @ApiProperty({
    description:
      'Thuế thu nhập cá nhân, lệ phí trước bạ, tiền sử dụng đất do cơ quan thuế xác định riêng',
  })
  noteVi!: string;
}

/** One procedure, with the fees of the province asked for. */
export class ProcedureDetailView extends ProcedureView {
  @ApiPropertyOptional({ type: ProcedureFeesView, description: 'Có khi gửi ?province=' })
  fees?: ProcedureFeesView;
}
