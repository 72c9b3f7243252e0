import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { DossierFormDto } from '../../intake/dto/submit-transfer.dto';
import { IsContractDate, IsPlainText, normaliseText } from '../../intake/dto/validation';

/** Registration of a mortgage of the land-use right, as the mortgagor (a holder) submits it. */
export class SubmitMortgageDto extends DossierFormDto {
  @ApiProperty({ example: 'Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình' })
  @Transform(normaliseText)
  @IsString({ message: 'Tên bên nhận thế chấp phải là chuỗi ký tự' })
  @Length(2, 200, { message: 'Tên bên nhận thế chấp từ 2 đến 200 ký tự' })
  @IsPlainText()
  mortgagee!: string;

  @ApiProperty({ example: '0455/2026/HĐTC' })
  @Transform(normaliseText)
  @IsString({ message: 'Số hợp đồng thế chấp phải là chuỗi ký tự' })
  @Length(2, 64, { message: 'Số hợp đồng thế chấp từ 2 đến 64 ký tự' })
  @IsPlainText()
  contractNumber!: string;

  @ApiProperty({ example: '2026-11-28' })
  @IsContractDate()
  contractDate!: string;

  @ApiPropertyOptional({
    example: 2_000_000_000,
    description: 'Giá trị nghĩa vụ được bảo đảm (đồng)',
  })
  @IsOptional()
  @IsInt({ message: 'Số tiền phải là số nguyên (đồng)' })
  @Min(1, { message: 'Số tiền phải lớn hơn 0' })
  @Max(1_000_000_000_000_000, { message: 'Số tiền vượt quá giới hạn cho phép' })
  securedAmountVnd?: number;
}
