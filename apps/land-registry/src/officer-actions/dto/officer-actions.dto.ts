import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TRANSFER_KINDS } from '@lien-thong/contracts';
import {
  ApplicantDto,
  MortgageeConsentDto,
  PersonDto,
  SellerDto,
} from '../../intake/dto/submit-transfer.dto';
import { Transform, Type } from 'class-transformer';
import { IsContractDate, IsPlainText, normaliseText } from '../../intake/dto/validation';

// The officer is never a field of a body: it is the authenticated person (the token).

export class ReasonDto {
  @ApiProperty({ example: 'Thiếu bản sao hợp đồng chuyển nhượng có công chứng' })
  @Transform(normaliseText)
  @IsString({ message: 'Lý do phải là chuỗi ký tự' })
  @Length(5, 1000, { message: 'Lý do từ 5 đến 1000 ký tự' })
  @IsPlainText()
  reasonVi!: string;
}

export class ProposalDto {
  @ApiProperty({ example: 'Hồ sơ đầy đủ, hợp lệ; đủ điều kiện đăng ký biến động' })
  @Transform(normaliseText)
  @IsString({ message: 'Ý kiến thẩm định phải là chuỗi ký tự' })
  @Length(5, 2000, { message: 'Ý kiến thẩm định từ 5 đến 2000 ký tự' })
  @IsPlainText()
  opinionVi!: string;
}

export class AssignmentDto {
  @ApiProperty({ example: 'chuyenvien.badinh', description: 'Tên đăng nhập của chuyên viên' })
  @IsString({ message: 'Cần tên đăng nhập của chuyên viên' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,60}$/, {
    message: 'Tên đăng nhập của chuyên viên gồm chữ thường, số, ".", "_" hoặc "-"',
  })
  username!: string;
}

/**
 * What the citizen brought back: any party, contact, document or term may be corrected; each
 * is checked again like at the counter (and against the cadastral book). Absent: unchanged.
 */
export class SupplementDto {
  @ApiPropertyOptional({ description: 'Giá chuyển nhượng đã sửa (đồng)' })
  @IsOptional()
  @IsInt({ message: 'Giá chuyển nhượng phải là số nguyên (đồng)' })
  @Min(0, { message: 'Giá chuyển nhượng không được âm' })
  @Max(1_000_000_000_000_000, { message: 'Giá chuyển nhượng vượt quá giới hạn cho phép' })
  declaredPriceVnd?: number;

  @ApiPropertyOptional({ example: '2026-11-10' })
  @IsOptional()
  @IsContractDate()
  contractDate?: string;

  @ApiPropertyOptional({ enum: TRANSFER_KINDS })
  @IsOptional()
  @IsIn(TRANSFER_KINDS, {
    message: `Loại giao dịch phải là một trong: ${TRANSFER_KINDS.join(', ')}`,
  })
  transferKind?: (typeof TRANSFER_KINDS)[number];

  @ApiPropertyOptional({ type: [SellerDto], description: 'Danh sách bên chuyển nhượng đã sửa' })
  @IsOptional()
  @IsArray({ message: 'Danh sách bên chuyển nhượng phải là mảng' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một bên chuyển nhượng' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 bên chuyển nhượng' })
  @ValidateNested({ each: true })
  @Type(() => SellerDto)
  sellers?: SellerDto[];

  @ApiPropertyOptional({
    type: [PersonDto],
    description: 'Danh sách bên nhận chuyển nhượng đã sửa',
  })
  @IsOptional()
  @IsArray({ message: 'Danh sách bên nhận chuyển nhượng phải là mảng' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một bên nhận chuyển nhượng' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 bên nhận chuyển nhượng' })
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  buyers?: PersonDto[];

  @ApiPropertyOptional({
    type: ApplicantDto,
    description: 'Người nộp hồ sơ và cách liên lạc đã sửa',
  })
  @IsOptional()
  @IsObject({ message: 'Thông tin người nộp hồ sơ phải là một đối tượng' })
  @ValidateNested()
  @Type(() => ApplicantDto)
  applicant?: ApplicantDto;

  @ApiPropertyOptional({
    type: MortgageeConsentDto,
    description: 'Văn bản đồng ý của bên nhận thế chấp',
  })
  @IsOptional()
  @IsObject({ message: 'Văn bản đồng ý phải gồm số văn bản và ngày ký' })
  @ValidateNested()
  @Type(() => MortgageeConsentDto)
  mortgageeConsent?: MortgageeConsentDto;
}
