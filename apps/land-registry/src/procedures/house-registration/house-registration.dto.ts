import { BodyName, DocumentNumber, Explanation } from '../../intake/dto/text-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { HOUSE_GRADES, HOUSE_KINDS } from '@lien-thong/contracts';
import { DossierFormDto } from '../../intake/dto/submit-transfer.dto';
import { IsContractDate } from '../../intake/dto/validation';

export class DocumentRefDto {
  @ApiProperty({ example: '152/GPXD' })
  @DocumentNumber('Số văn bản')
  number!: string;

  @ApiProperty({ example: '2024-03-15' })
  @IsContractDate()
  date!: string;
}

export class PermitDto {
  @ApiProperty({ example: '152/GPXD' })
  @DocumentNumber('Số giấy phép')
  number!: string;

  @ApiProperty({ example: '2024-03-15' })
  @IsContractDate()
  issuedOn!: string;

  @ApiProperty({ example: 'Ủy ban nhân dân phường Ba Đình' })
  @BodyName('Cơ quan cấp phép')
  authority!: string;
}

/** The house or work, as declared (and as the construction authority will confirm it). */
export class HouseDto {
  @ApiProperty({ enum: HOUSE_KINDS })
  @IsIn(HOUSE_KINDS, { message: `Loại công trình phải là một trong: ${HOUSE_KINDS.join(', ')}` })
  kind!: (typeof HOUSE_KINDS)[number];

  @ApiProperty({ enum: HOUSE_GRADES, description: 'Cấp nhà' })
  @IsIn(HOUSE_GRADES, { message: `Cấp nhà phải là một trong: ${HOUSE_GRADES.join(', ')}` })
  grade!: (typeof HOUSE_GRADES)[number];

  @ApiProperty({
    example: 1200,
    description: 'Tổng diện tích sàn, phần mười m² (120,0 m² là 1200)',
  })
  @IsInt({ message: 'Diện tích sàn phải là số nguyên (phần mười m²)' })
  @Min(1, { message: 'Diện tích sàn phải lớn hơn 0' })
  @Max(100_000_000, { message: 'Diện tích sàn quá lớn' })
  floorAreaTenthsM2!: number;

  @ApiProperty({ example: 3 })
  @IsInt({ message: 'Số tầng phải là số nguyên' })
  @Min(1, { message: 'Số tầng phải từ 1 trở lên' })
  @Max(200, { message: 'Số tầng quá lớn' })
  floors!: number;

  @ApiProperty({ example: 2010 })
  @IsInt({ message: 'Năm xây dựng phải là số nguyên' })
  @Min(1900, { message: 'Năm xây dựng từ 1900' })
  @Max(2100, { message: 'Năm xây dựng không hợp lệ' })
  builtYear!: number;

  @ApiPropertyOptional({ type: PermitDto, description: 'Giấy phép xây dựng (nếu có)' })
  @IsOptional()
  @IsObject({ message: 'Giấy phép gồm số, ngày cấp và cơ quan cấp' })
  @ValidateNested()
  @Type(() => PermitDto)
  permit?: PermitDto;

  @ApiPropertyOptional({
    description: 'Lý do được miễn giấy phép xây dựng (nếu không có giấy phép)',
  })
  @IsOptional()
  @Explanation('Lý do miễn giấy phép')
  permitExemptionVi?: string;

  @ApiPropertyOptional({
    type: DocumentRefDto,
    description: 'Biên bản nghiệm thu hoàn thành (nếu phải có)',
  })
  @IsOptional()
  @IsObject({ message: 'Biên bản nghiệm thu gồm số và ngày' })
  @ValidateNested()
  @Type(() => DocumentRefDto)
  completionAcceptance?: DocumentRefDto;
}

/** Registration of a house or other work on land whose certificate the holders present. */
export class SubmitHouseRegistrationDto extends DossierFormDto {
  @ApiProperty({ type: HouseDto })
  @IsObject({ message: 'Cần thông tin nhà ở, công trình' })
  @ValidateNested()
  @Type(() => HouseDto)
  house!: HouseDto;
}
