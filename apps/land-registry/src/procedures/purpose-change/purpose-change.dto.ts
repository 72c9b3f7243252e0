import { BodyName, DocumentNumber } from '../../intake/dto/text-fields';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { DossierFormDto } from '../../intake/dto/submit-transfer.dto';
import { IsContractDate } from '../../intake/dto/validation';

/** Purposes a household may convert to here (Circular 08/2024 codes the levy rules price). */
export const TARGET_PURPOSES = ['ODT', 'ONT', 'TMD', 'SKC', 'CLN', 'HNK'] as const;

export class PurposeDecisionDto {
  @ApiProperty({ example: '245/QĐ-UBND' })
  @DocumentNumber('Số quyết định')
  number!: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsContractDate()
  date!: string;

  @ApiProperty({ example: 'Ủy ban nhân dân xã Ba Vì' })
  @BodyName('Cơ quan quyết định')
  authority!: string;
}

/** Registration of a change of land-use purpose a commune People's Committee allowed. */
export class SubmitPurposeChangeDto extends DossierFormDto {
  @ApiProperty({ type: PurposeDecisionDto })
  @IsObject({ message: 'Cần quyết định cho phép chuyển mục đích sử dụng đất' })
  @ValidateNested()
  @Type(() => PurposeDecisionDto)
  decision!: PurposeDecisionDto;

  @ApiProperty({ enum: TARGET_PURPOSES, description: 'Mục đích sử dụng mới' })
  @IsIn(TARGET_PURPOSES, {
    message: `Mục đích mới phải là một trong: ${TARGET_PURPOSES.join(', ')}`,
  })
  toPurpose!: (typeof TARGET_PURPOSES)[number];

  @ApiProperty({
    example: 1000,
    description: 'Diện tích chuyển mục đích, phần mười m² (100,0 m² là 1000)',
  })
  @IsInt({ message: 'Diện tích phải là số nguyên (phần mười m²)' })
  @Min(1, { message: 'Diện tích phải lớn hơn 0' })
  @Max(100_000_000, { message: 'Diện tích quá lớn' })
  convertedAreaTenthsM2!: number;

  @ApiProperty({ description: 'Thửa đất đã có đất ở (áp dụng mức thu theo hạn mức)' })
  @IsBoolean({ message: 'Phải là true hoặc false' })
  parcelHasResidentialLand!: boolean;

  @ApiProperty({ description: 'Hộ gia đình đã được áp dụng mức thu theo hạn mức lần nào chưa' })
  @IsBoolean({ message: 'Phải là true hoặc false' })
  householdUsedReducedTiers!: boolean;
}
