import { BodyName, DocumentNumber } from '../../intake/dto/text-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DossierFormDto } from '../../intake/dto/submit-transfer.dto';
import { IsContractDate } from '../../intake/dto/validation';

/** Registration of a mortgage of the land-use right, as the mortgagor (a holder) submits it. */
export class SubmitMortgageDto extends DossierFormDto {
  @ApiProperty({ example: 'Ngân hàng TMCP Ngoại thương Việt Nam - Chi nhánh Ba Đình' })
  @BodyName('Tên bên nhận thế chấp')
  mortgagee!: string;

  @ApiProperty({ example: '0455/2026/HĐTC' })
  @DocumentNumber('Số hợp đồng thế chấp')
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
