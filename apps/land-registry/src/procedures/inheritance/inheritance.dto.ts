import { BodyName, DocumentNumber } from '../../intake/dto/text-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RELATIONSHIPS } from '@lien-thong/contracts';
import {
  DossierFormDto,
  MortgageeConsentDto,
  PersonDto,
} from '../../intake/dto/submit-transfer.dto';
import { IsContractDate, IsPastLocalDate } from '../../intake/dto/validation';

export const INHERITANCE_BASES = ['AGREEMENT', 'COURT_DECISION'] as const;

export class HeirDto extends PersonDto {
  @ApiProperty({ example: 1, description: 'Tử số phần được hưởng' })
  @IsInt({ message: 'Phần được hưởng phải là số nguyên' })
  @Min(1, { message: 'Phần được hưởng phải từ 1 trở lên' })
  @Max(1_000_000, { message: 'Phần được hưởng quá lớn' })
  shareNumerator!: number;

  @ApiProperty({ example: 2, description: 'Mẫu số phần được hưởng' })
  @IsInt({ message: 'Phần được hưởng phải là số nguyên' })
  @Min(1, { message: 'Phần được hưởng phải từ 1 trở lên' })
  @Max(1_000_000, { message: 'Phần được hưởng quá lớn' })
  shareDenominator!: number;

  @ApiProperty({ enum: RELATIONSHIPS, description: 'Quan hệ với người để lại di sản' })
  @IsIn(RELATIONSHIPS, { message: `Quan hệ phải là một trong: ${RELATIONSHIPS.join(', ')}` })
  relationshipToDeceased!: (typeof RELATIONSHIPS)[number];
}

export class InheritanceBasisDto {
  @ApiProperty({
    enum: INHERITANCE_BASES,
    description:
      'Văn bản thỏa thuận phân chia di sản (đã công chứng) hoặc bản án, quyết định của Tòa án',
  })
  @IsIn(INHERITANCE_BASES, { message: 'Căn cứ phải là AGREEMENT hoặc COURT_DECISION' })
  kind!: (typeof INHERITANCE_BASES)[number];

  @ApiProperty({ example: '1520/2026/VBTT' })
  @DocumentNumber('Số văn bản')
  number!: string;

  @ApiProperty({ example: '2026-10-20' })
  @IsContractDate()
  date!: string;

  @ApiProperty({ example: 'Văn phòng công chứng Ba Đình' })
  @BodyName('Nơi lập văn bản')
  issuedBy!: string;
}

/** Registration of a change by inheritance, as the heirs submit it. */
export class SubmitInheritanceDto extends DossierFormDto {
  @ApiProperty({
    type: [PersonDto],
    description: 'Người để lại di sản (có tên trên giấy chứng nhận)',
  })
  @IsArray({ message: 'Danh sách người để lại di sản phải là mảng' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một người để lại di sản' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 người' })
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  deceased!: PersonDto[];

  @ApiProperty({ example: '2026-06-15', description: 'Ngày mở thừa kế' })
  @IsPastLocalDate()
  deceasedOn!: string;

  @ApiProperty({ type: InheritanceBasisDto })
  @IsObject({ message: 'Cần căn cứ phân chia di sản' })
  @ValidateNested()
  @Type(() => InheritanceBasisDto)
  basis!: InheritanceBasisDto;

  @ApiProperty({ type: [HeirDto] })
  @IsArray({ message: 'Danh sách người thừa kế phải là mảng' })
  @ArrayMinSize(1, { message: 'Cần ít nhất một người thừa kế' })
  @ArrayMaxSize(20, { message: 'Tối đa 20 người thừa kế' })
  @ValidateNested({ each: true })
  @Type(() => HeirDto)
  heirs!: HeirDto[];

  @ApiPropertyOptional({ type: MortgageeConsentDto })
  @IsOptional()
  @IsObject({ message: 'Văn bản đồng ý phải gồm số văn bản và ngày ký' })
  @ValidateNested()
  @Type(() => MortgageeConsentDto)
  mortgageeConsent?: MortgageeConsentDto;
}
