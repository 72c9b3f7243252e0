import { DocumentNumber, Explanation } from './text-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  CERTIFICATE_CHOICES,
  CHANNELS,
  RELATIONSHIPS,
  RESULT_DELIVERIES,
  TRANSFER_KINDS,
} from '@lien-thong/contracts';
import {
  IsCertificateSerial,
  IsCitizenId,
  IsContractDate,
  IsPastLocalDate,
  IsPersonName,
  IsPlainText,
  normaliseCertificateSerial,
  normaliseText,
} from './validation';

/** The largest amount accepted, far above any real transfer, far below 2^53. */
const MAX_VND = 1_000_000_000_000_000;
/** Shares are small fractions (1/2, 1/3…); an overflowing one would break the tax arithmetic (found by fuzzing: 1e300 was accepted). */
const MAX_SHARE = 1_000_000;

export class ParcelRefDto {
  @ApiProperty({ example: '00004', description: 'Mã xã/phường (5 chữ số)' })
  @Matches(/^\d{5}$/, { message: 'Mã xã/phường gồm đúng 5 chữ số' })
  communeCode!: string;

  @ApiProperty({ example: 12, description: 'Số tờ bản đồ' })
  @IsInt({ message: 'Số tờ bản đồ phải là số nguyên' })
  @Min(1, { message: 'Số tờ bản đồ phải từ 1 trở lên' })
  @Max(99_999, { message: 'Số tờ bản đồ quá lớn' })
  mapSheetNumber!: number;

  @ApiProperty({ example: 102, description: 'Số thửa' })
  @IsInt({ message: 'Số thửa phải là số nguyên' })
  @Min(1, { message: 'Số thửa phải từ 1 trở lên' })
  @Max(9_999_999, { message: 'Số thửa quá lớn' })
  parcelNumber!: number;
}

export class PersonDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(normaliseText)
  @IsString({ message: 'Họ tên phải là chuỗi ký tự' })
  @Length(2, 100, { message: 'Họ tên từ 2 đến 100 ký tự' })
  @IsPersonName()
  fullName!: string;

  @ApiProperty({ example: '001060100000', description: 'Số định danh cá nhân (CCCD), 12 chữ số' })
  @IsCitizenId()
  citizenId!: string;

  @ApiProperty({ example: 'Số 11, phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội' })
  @Explanation('Địa chỉ')
  address!: string;
}

export class SellerDto extends PersonDto {
  @ApiPropertyOptional({ example: 1, description: 'Tử số phần sở hữu (mặc định chia đều)' })
  @IsOptional()
  @IsInt({ message: 'Phần sở hữu phải là số nguyên' })
  @Min(1, { message: 'Phần sở hữu phải từ 1 trở lên' })
  @Max(MAX_SHARE, { message: 'Phần sở hữu quá lớn' })
  shareNumerator?: number;

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt({ message: 'Phần sở hữu phải là số nguyên' })
  @Min(1, { message: 'Phần sở hữu phải từ 1 trở lên' })
  @Max(MAX_SHARE, { message: 'Phần sở hữu quá lớn' })
  shareDenominator?: number;

  @ApiProperty({ enum: RELATIONSHIPS, description: 'Quan hệ với bên nhận chuyển nhượng' })
  @IsIn(RELATIONSHIPS, { message: `Quan hệ phải là một trong: ${RELATIONSHIPS.join(', ')}` })
  relationshipToBuyer!: (typeof RELATIONSHIPS)[number];

  @ApiPropertyOptional({ description: 'Có nhà ở, đất ở nào khác không (miễn thuế nhà ở duy nhất)' })
  @IsOptional()
  @IsBoolean({ message: 'Phải là true hoặc false' })
  ownsOtherResidentialProperty?: boolean;
}

export class ApplicantDto {
  @ApiProperty({ example: 'Trần Thị Bình' })
  @Transform(normaliseText)
  @IsString({ message: 'Họ tên phải là chuỗi ký tự' })
  @Length(2, 100, { message: 'Họ tên từ 2 đến 100 ký tự' })
  @IsPersonName()
  fullName!: string;

  @ApiPropertyOptional({ example: '0912345678' })
  @ValidateIf((a: ApplicantDto) => a.phone !== undefined || a.email === undefined)
  @Matches(/^0\d{9}$/, {
    message: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (cần số điện thoại hoặc thư điện tử)',
  })
  phone?: string;

  @ApiPropertyOptional({ example: 'binh.tran@example.vn' })
  @IsOptional()
  @IsEmail({}, { message: 'Địa chỉ thư điện tử không hợp lệ' })
  email?: string;

  @ApiPropertyOptional({ description: 'Nhận thông báo qua Zalo' })
  @IsOptional()
  @IsBoolean({ message: 'Phải là true hoặc false' })
  zalo?: boolean;
}

export class MortgageeConsentDto {
  @ApiProperty({ example: '125/2026/CV-VCB' })
  @DocumentNumber('Số văn bản')
  documentNumber!: string;

  @ApiProperty({ example: '2026-11-02' })
  @IsPastLocalDate()
  signedOn!: string;
}

/** What every procedure's form asks: who submits, where, the parcel and its certificate. */
export class DossierFormDto {
  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: 'Kênh nộp phải là ONLINE hoặc COUNTER' })
  channel!: (typeof CHANNELS)[number];

  @ApiProperty({
    enum: RESULT_DELIVERIES,
    description: 'Nhận kết quả tại bộ phận một cửa hoặc qua bưu chính công ích',
  })
  @IsIn(RESULT_DELIVERIES, { message: 'Hình thức nhận kết quả phải là COUNTER hoặc POST' })
  resultDelivery!: (typeof RESULT_DELIVERIES)[number];

  @ApiPropertyOptional({
    enum: CERTIFICATE_CHOICES,
    default: 'NEW_CERTIFICATE',
    description:
      'Xác nhận thay đổi trên Giấy chứng nhận đã cấp (ANNOTATE) hay cấp Giấy chứng nhận mới (NEW_CERTIFICATE)',
  })
  @IsOptional()
  @IsIn(CERTIFICATE_CHOICES, {
    message:
      'Hình thức cấp giấy phải là ANNOTATE (xác nhận thay đổi) hoặc NEW_CERTIFICATE (cấp mới)',
  })
  certificateChoice?: (typeof CERTIFICATE_CHOICES)[number];

  @ApiPropertyOptional({ description: 'Bắt buộc khi nhận kết quả qua bưu chính' })
  @ValidateIf((d: DossierFormDto) => d.resultDelivery === 'POST')
  @Transform(normaliseText)
  @IsString({ message: 'Cần địa chỉ nhận kết quả qua bưu chính' })
  @Length(5, 300, { message: 'Địa chỉ từ 5 đến 300 ký tự' })
  @IsPlainText()
  postalAddress?: string;

  @ApiProperty({ type: ParcelRefDto })
  // ValidateNested alone lets a missing object through (found by fuzzing: a 500).
  @IsObject({ message: 'Cần thông tin thửa đất (mã xã, số tờ, số thửa)' })
  @ValidateNested()
  @Type(() => ParcelRefDto)
  parcel!: ParcelRefDto;

  @ApiProperty({ example: 'CS12000102' })
  @Transform(normaliseCertificateSerial)
  @IsCertificateSerial()
  certificateSerial!: string;

  @ApiProperty({ type: ApplicantDto, description: 'Người nộp hồ sơ và cách liên lạc' })
  @IsObject({ message: 'Cần thông tin người nộp hồ sơ' })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant!: ApplicantDto;
}

/** A transfer of land-use rights as submitted online or entered at the one-stop counter. */
export class SubmitTransferDto extends DossierFormDto {
  @ApiProperty({ enum: TRANSFER_KINDS })
  @IsIn(TRANSFER_KINDS, {
    message: `Loại giao dịch phải là một trong: ${TRANSFER_KINDS.join(', ')}`,
  })
  transferKind!: (typeof TRANSFER_KINDS)[number];

  @ApiProperty({ example: '2026-11-10' })
  @IsContractDate()
  contractDate!: string;

  @ApiPropertyOptional({
    example: 3_000_000_000,
    description: 'Giá ghi trên hợp đồng, đồng (số nguyên)',
  })
  @IsOptional()
  @IsInt({ message: 'Giá chuyển nhượng phải là số nguyên (đồng)' })
  @Min(0, { message: 'Giá chuyển nhượng không được âm' })
  @Max(MAX_VND, { message: 'Giá chuyển nhượng vượt quá giới hạn cho phép' })
  declaredPriceVnd?: number;

  @ApiPropertyOptional({ default: true, description: 'Chuyển nhượng toàn bộ thửa đất' })
  @IsOptional()
  @IsBoolean({ message: 'Phải là true hoặc false' })
  transfersWhole?: boolean;

  @ApiProperty({ type: [SellerDto] })
  @IsArray({ message: 'Danh sách bên chuyển nhượng phải là mảng' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một bên chuyển nhượng' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 bên chuyển nhượng' })
  @ValidateNested({ each: true })
  @Type(() => SellerDto)
  sellers!: SellerDto[];

  @ApiProperty({ type: [PersonDto] })
  @IsArray({ message: 'Danh sách bên nhận chuyển nhượng phải là mảng' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một bên nhận chuyển nhượng' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 bên nhận chuyển nhượng' })
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  buyers!: PersonDto[];

  @ApiPropertyOptional({
    type: MortgageeConsentDto,
    description: 'Văn bản đồng ý của bên nhận thế chấp (nếu đất đang thế chấp)',
  })
  @IsOptional()
  @IsObject({ message: 'Văn bản đồng ý phải gồm số văn bản và ngày ký' })
  @ValidateNested()
  @Type(() => MortgageeConsentDto)
  mortgageeConsent?: MortgageeConsentDto;
}
